## Building blocks
plain = { $value }
lines = { $first }
    { $second }
empty = { "" }
list = { $first }, { $second }
account = { $platform } { $id }
platform-name-telegram = Telegram
platform-name-vk = ВКонтакте
platform-name-terminal = терминал
platform-name-deleted = удалённый аккаунт
entry-ref = №{ $number }

## Menu and start
menu-submit = 🙌 Рассказать о своём добром деле
menu-nominate = 🌟 Рассказать о другом человеке
menu-language = 🌐 Язык
menu-mydata = 🔒 Мои данные
start-greeting = Здравствуйте! Это национальный конкурс { $campaign }, #DoGoodThings.

    Расскажите о добром деле — своём или другого человека, который заслуживает, чтобы о нём узнали, — с фото или видео. Модераторы проверяют каждую заявку, список участников публикуется, и все могут проголосовать.

    { $phase }
help = Что я умею:
    /submit — рассказать о своём добром деле
    /nominate — рассказать о добром деле другого человека
    /vote — посмотреть заявки и проголосовать
    /results — итоги, когда их объявят
    /transparency — как считались голоса (после итогов)
    /notifications — включить или выключить объявления конкурса
    /language — сменить язык
    /mydata — что я храню о вас
    /deleteme — удалить ваши данные
    /cancel — прервать заполнение заявки (написанное удалится)

    { $phase }
draft-resume = У вас есть неотправленная заявка. Продолжим с того места, где вы остановились.
unknown-command = Я не знаю команду { $command }. Вот что я умею:
text-no-draft = Чтобы принять участие, выберите, что вы хотите сделать:
media-no-draft = Спасибо за снимок! Чтобы отправить его на конкурс, сначала выберите «Рассказать о своём добром деле» или «Рассказать о другом человеке».
unsupported-no-draft = Здесь я не могу принять { $what }. Выберите, что вы хотите сделать:
error-try-again = Извините, у нас что-то пошло не так. Ничего из введённого не потеряно — попробуйте ещё раз через минуту.
error-database-away = Извините, бот ненадолго недоступен. Ваше сообщение сохранено и будет обработано, как только бот снова заработает, — отправлять его ещё раз не нужно.

## Phases of the campaign
phase-before = Заявки принимаются с { $open } по { $close }.
phase-submissions = Заявки принимаются до { $close } включительно. Список участников будет опубликован { $publication }.
phase-review = Приём заявок завершился { $close }. Список участников будет опубликован { $publication }.
phase-voting = Голосование открыто до { $close } включительно.
phase-closed = Голосование завершено. Церемония награждения — { $gala }, её покажут { $broadcast } на Седьмом канале.
submissions-not-yet = Заявки ещё не принимаются: приём начнётся { $open }.
submissions-closed = Приём заявок завершился { $close }. Спасибо за интерес!

## Language
language-choose = Выберите язык:
language-name-kk = Қазақша
language-name-ru = Русский
language-name-en = English
language-set = Готово: буду говорить с вами по-русски.

## Buttons
button-cancel = ✖️ Отмена
button-media-done = ✅ Готово
button-consent-own = ✅ Я согласен(на)
button-consent-nomination = ✅ Да, человек согласен
button-send = 📨 Отправить
button-edit = ✏️ Изменить
button-back = ⬅️ Назад
button-stale = Эта кнопка из прежнего сообщения и больше не работает. Ничего не изменилось.
button-ok = OK

## Writing an entry
submit-intro = Давайте расскажем о вашем добром деле. Это займёт пару минут. Можно прерваться в любой момент и потом продолжить с того же места; /cancel удаляет написанное.
nominate-intro = Расскажите о добром деле другого человека. Понадобится его согласие на публикацию.
draft-in-progress = У вас уже есть незаконченная заявка. Давайте сначала завершим её (или /cancel, чтобы начать заново).
ask-nominee = Кто этот человек? Напишите имя и несколько слов о нём (например: «Айгерим, медсестра из Караганды»).
ask-story-own = Расскажите о своём добром деле: что произошло, кому это помогло. От { $min } до { $max } символов.
ask-story-nomination = Что сделал этот человек? Расскажите историю: что произошло, кому это помогло. От { $min } до { $max } символов.
ask-media = Отправьте { $max ->
        [one] одно фото
        [few] от 1 до { $max } фото
       *[many] от 1 до { $max } фото
    } или одно видео до { $mb } МБ (как фото или видео, а не файлом).
ask-city = В каком городе или селе это произошло?
ask-category = Выберите номинацию:
ask-consent-own = Я согласен(на), что мой рассказ, фото или видео и город будут опубликованы на страницах конкурса и показаны для народного голосования.
ask-consent-nomination = Подтвердите, что { $nominee } согласен(на) участвовать в конкурсе с этим рассказом и фото или видео.
nominee-length = Напишите имя человека и несколько слов о нём: от 2 до { $max } символов.
story-too-short = Рассказ слишком короткий ({ $length ->
        [one] { $length } символ
        [few] { $length } символа
       *[many] { $length } символов
    }). Напишите хотя бы { $min }.
story-too-long = Рассказ слишком длинный: { $length ->
        [one] { $length } символ
        [few] { $length } символа
       *[many] { $length } символов
    }, а можно не больше { $max }. Сократите его и отправьте ещё раз — пока ничего не сохранено.
city-length = Напишите название города или села: от 2 до { $max } символов.
expect-media = Сейчас нужно фото или видео: до { $max } фото или одно видео до { $mb } МБ.
use-buttons = Пожалуйста, ответьте кнопками ниже.
media-not-expected = На этом шаге я не жду фото или видео.
media-full = Вы уже добавили максимум — { $max } фото. Нажмите «Готово», чтобы продолжить.
media-photo-added = { $count ->
        [one] Фото получено
        [few] Фото получены
       *[many] Фото получены
    } ({ $count } из { $max }). Отправьте ещё или нажмите «Готово».
media-video-added = Видео получено.
video-too-large = Это видео слишком большое: я принимаю видео до { $mb } МБ. Отправьте, пожалуйста, видео короче или меньше.
document-not-accepted = Вы отправили { $what }. Отправьте снимок как фото или видео, а не файлом: до { $max } фото или одно видео до { $mb } МБ.
unsupported-at-media = Вы отправили { $what }. Мне нужно фото или видео: до { $max } фото или одно видео до { $mb } МБ.
unsupported-here = На этом шаге я не могу принять { $what }.
kind-sticker = стикер
kind-voice = голосовое сообщение
kind-document = файл
kind-audio = аудиофайл
kind-animation = GIF
kind-other = такое сообщение
media-count-video = 1 видео
media-count-photos = { $count ->
        [one] { $count } фотография
        [few] { $count } фотографии
       *[many] { $count } фотографий
    }
summary-own = Проверьте заявку:

    📍 Город: { $city }
    🏷 Номинация: { $category }
    🖼 { $media }

    { $story }
summary-nomination = Проверьте заявку о другом человеке:

    👤 Человек: { $nominee }
    📍 Город: { $city }
    🏷 Номинация: { $category }
    🖼 { $media }

    { $story }
edit-choose = Что вы хотите изменить?
edit-field-nominee = 👤 Человек
edit-field-story = 📝 Рассказ
edit-field-media = 🖼 Фото или видео
edit-field-city = 📍 Город
edit-field-category = 🏷 Номинация
media-needed = Сначала отправьте хотя бы одно фото или видео.
no-draft = У вас нет незаконченной заявки.
draft-cancelled = Отменено. Ничего не отправлено.
submit-thanks = Спасибо! Ваша заявка №{ $number } отправлена модераторам. Я сообщу, когда её проверят. Одобренные заявки публикуются { $publication }.

## Moderation
kind-entry-own = своё дело
kind-entry-nomination = о другом человеке
mod-card-nominee = { "\u000A" }👤 Человек: { $name }
mod-card = 📋 Заявка №{ $number } ({ $kind })
    🏷 { $category } · 📍 { $city }{ $nominee }
    ✍️ Автор: { $author } ({ $authorRef })

    { $story }

    { $status }
mod-status-pending = ⏳ Ждёт решения
mod-status-approved = ✅ Одобрил(а) { $by }, { $date }
mod-status-rejected = ❌ Отклонил(а) { $by }, { $date }: { $reason }
mod-approve = ✅ Одобрить
mod-reject = ❌ Отклонить
mod-change-category = 🏷 Сменить номинацию
mod-reason-own = ✍️ Написать свою причину
reject-reason-1 = Рассказ не о добром деле
reject-reason-2 = На фото или видео не видно доброго дела
reject-reason-3 = Об этом деле уже рассказали
reject-reason-4 = Нет согласия человека на публикацию
mod-already-decided = По этой заявке уже принято решение. { $status }
mod-done-approved = Одобрено
mod-done-rejected = Отклонено
mod-not-allowed = Это могут делать только модераторы конкурса.
mod-entry-gone = Этой заявки больше нет.
mod-type-reason = Напишите причину отклонения заявки №{ $number } одним сообщением (до { $max } символов). Автор увидит её в том виде, как вы напишете. /cancel — отменить.
mod-reason-length = Причина должна быть от 1 до { $max } символов. Напишите её ещё раз.
entry-approved = 🎉 Ваша заявка №{ $number } одобрена! Она появится в списке участников { $publication }.
entry-rejected = К сожалению, ваша заявка №{ $number } не принята. Причина: { $reason }
entry-category-changed = Модераторы перенесли вашу заявку №{ $number } в номинацию «{ $category }».

## My data
entry-status-pending = ждёт модерации
entry-status-approved = одобрена
entry-status-rejected = не принята
entry-status-published = опубликована
entry-status-hidden = скрыта модераторами
entry-status-withdrawn = отозвана
mydata = Вот что я храню о вас:
    • Аккаунт: { $platform } { $id }{ $name }
    • Язык: { $language }; объявления конкурса: { $announcements }
    • Первое обращение: { $since }
    • { $draft }
    • Заявки ({ $count }):
    { $entries }
    • Фото и видео ваших заявок, сохранённые ботом: { $media }
    • Голоса: { $votes ->
        [0] нет
        [one] в { $votes } номинации
        [few] в { $votes } номинациях
       *[many] в { $votes } номинациях
    }
    • Ваши жалобы: { $reports }
    • Сообщения, которые ждут отправки вам: { $queued }

    { $votesNote }
    В заявках хранятся рассказ, город, номинация и фото или видео, которые вы отправили, и решения модераторов. Удалить всё: /deleteme
mydata-votes-note = Ваши голоса и жалобы хранятся только под односторонним кодом аккаунта: по нему нельзя узнать, кто вы, и он остаётся после /deleteme, чтобы никто не мог дважды проголосовать в номинации или дважды пожаловаться на заявку.
mydata-name = { " " }({ $name })
mydata-announcements-on = включены
mydata-announcements-off = выключены
mydata-draft-yes = Есть неотправленная заявка ({ $kind })
mydata-draft-no = Незаконченных заявок нет
mydata-no-entries = нет
mydata-entry = №{ $number } — { $kind }, { $category }: { $status }
deleteme-confirm = Удалить все ваши данные? Ещё не опубликованные заявки будут удалены, опубликованные — сняты с конкурса. Это нельзя отменить.
deleteme-yes = 🗑 Да, удалить
deleteme-no = Нет, оставить
deleteme-kept = Ничего не удалено.
deleteme-done = Ваши данные удалены: { $deleted ->
        [one] удалена { $deleted } заявка
        [few] удалено { $deleted } заявки
       *[many] удалено { $deleted } заявок
    }, снято с конкурса: { $withdrawn }. Если вы напишете мне снова, я начну с чистого листа.

## Commands (descriptions in the platform's menu)
command-start = Начать и узнать о конкурсе
command-submit = Рассказать о своём добром деле
command-nominate = Рассказать о другом человеке
command-language = Сменить язык
command-mydata = Что бот хранит обо мне
command-deleteme = Удалить мои данные
command-cancel = Прервать заполнение заявки
command-help = Помощь
command-vote = Смотреть заявки и голосовать

## Voting
menu-vote = 🗳 Голосовать
slow-down = Не так быстро — подождите секунду и попробуйте снова.
slow-down-messages = Вы отправляете сообщения быстрее, чем я успеваю их читать. Подождите несколько секунд: на то, что вы отправите потом, я отвечу.
entries-pending-limit = У вас уже { $count ->
        [one] { $count } заявка ждёт
        [few] { $count } заявки ждут
       *[many] { $count } заявок ждут
    } проверки модераторов. Новую можно будет отправить, когда их проверят.
entries-pending-full = Сейчас у модераторов больше заявок, чем они успевают проверить. Пожалуйста, попробуйте через несколько часов: то, что вы уже написали, сохранено.
voting-not-yet = Голосование ещё не началось: список участников будет опубликован { $publication }.
vote-choose-category = Выберите номинацию, чтобы посмотреть заявки и проголосовать. В каждой номинации у вас один голос, его можно перенести, пока идёт голосование.
results-browse = Голосование завершено. Выберите номинацию, чтобы посмотреть заявки.
vote-category = { $name } ({ $count })
vote-category-empty = В этой номинации пока нет заявок.
vote-entry-unavailable = Эта заявка больше недоступна.
entry-card = №{ $number } · { $category }{ $place }
    📍 { $city }{ $nominee }{ $votes }

    { $story }
entry-card-place = { " " }· { $index } из { $of }
entry-card-nominee = { "\u000A" }👤 { $name }
entry-card-votes = { "\u000A" }👍 { $count ->
        [one] { $count } голос
        [few] { $count } голоса
       *[many] { $count } голосов
    }
vote-button = 👍 Голосовать
vote-button-mine = ✅ Ваш голос
button-prev = ◀️ Назад
button-next = Далее ▶️
button-share = 🔗 Поделиться
button-report = ⚠️ Пожаловаться
button-categories = 📂 Номинации
vote-not-open = Голосование идёт с { $publication } по { $close }.
vote-closed = Голосование завершилось { $close }. Спасибо!
vote-own-entry = Нельзя голосовать за свою заявку.
vote-join-channel = Чтобы проголосовать, сначала подпишитесь на { $channel }, затем нажмите кнопку ещё раз.
vote-counted = Ваш голос за №{ $number } учтён!
vote-already = Вы уже голосовали за №{ $number }.
vote-moved = Ваш голос перенесён с №{ $from } на №{ $to }.
share-post = 🌟 Поддержите заявку №{ $number } в номинации «{ $category }» конкурса добрых дел! Голосовать здесь: { $link } #DoGoodThings
entry-published = 🎉 Ваша заявка №{ $number } опубликована, голосование открыто! Поделитесь этой ссылкой, чтобы за неё голосовали: { $link }
channel-post = №{ $number } · { $category }
    📍 { $city }{ $nominee }

    { $story }

    #DoGoodThings
button-vote-in-bot = 👍 Голосовать
link-welcome = Добро пожаловать в { $campaign } — конкурс добрых дел #DoGoodThings! Вот заявка, которой с вами поделились:
link-entry-unavailable = Эта заявка недоступна. Вот что можно сделать:

## Complaints
report-choose = Что не так с заявкой №{ $number }?
report-reason-1 = Это не о добром деле
report-reason-2 = Оскорбительно или неуместно
report-reason-3 = Использованы моё фото или история без согласия
report-reason-4 = Подделка или копия
report-thanks = Спасибо, модераторы посмотрят.
report-already = Вы уже жаловались на эту заявку.
mod-report-card = ⚠️ Жалоба на заявку №{ $number } ({ $category }): { $reason }

    { $story }
mod-hide = 🙈 Скрыть
mod-show = 👁 Вернуть
mod-hidden = Заявка №{ $number } скрыта.
mod-restored = Заявка №{ $number } возвращена.
mod-visibility-unchanged = Заявка №{ $number }: { $status }, менять нечего.
mod-visibility-status = Заявка №{ $number }: { $status } ({ $by })
entry-hidden = Модераторы скрыли вашу заявку №{ $number } после жалобы. Пока она скрыта, голоса за неё не учитываются.
entry-restored = Ваша заявка №{ $number } снова видна, голоса за неё учитываются.
mod-command-usage = Напишите { $command } с номером заявки, например: { $command } 12
pending-list = Заявок ждут решения: { $count }, сначала самые ранние. Выберите заявку, чтобы открыть её карточку:
pending-none = Заявок, ждущих решения, нет.
pending-item = №{ $number } · { $category } · { $city }
button-more = Ещё ▶️
mod-signals = Заявка №{ $number }: { $total ->
        [one] { $total } голос
        [few] { $total } голоса
       *[many] { $total } голосов
    }; от новых аккаунтов (меньше 10 минут с первого обращения): { $newAccounts }; в всплесках (10 и больше за минуту): { $inBursts }. Это поводы присмотреться, а не доказательства.

## Announcements (the campaign clock)
announce-submissions-open = 📣 Приём заявок на конкурс добрых дел #DoGoodThings открыт до { $close }! Расскажите о добром деле — своём или чужом — с фото или видео: /submit
announce-submissions-closing = ⏰ Осталось несколько дней: приём заявок закрывается { $close }. Если вам есть о чём рассказать — самое время: /submit
announce-voting-open = 🗳 Список участников опубликован, голосование открыто до { $close }! Выберите любимую заявку в каждой номинации.
announce-gala = 🎉 Церемония награждения конкурса добрых дел — сегодня в { $time }. Там объявят результаты.
announce-results = 🏆 Итоги конкурса добрых дел #DoGoodThings:

    { $results }
announce-broadcast = 📺 Церемонию награждения покажут { $date } на Седьмом канале. Не пропустите!
result-for-author = 🏆 Ваша заявка №{ $number } в номинации «{ $category }» заняла { $place } место из { $of }: { $votes ->
        [one] { $votes } голос
        [few] { $votes } голоса
       *[many] { $votes } голосов
    }. Спасибо за ваше доброе дело!

## Results
results-row = { $place }. №{ $number } — { $votes ->
        [one] { $votes } голос
        [few] { $votes } голоса
       *[many] { $votes } голосов
    }
results-tie = ⚠️ Ничья за { $place } место: { $numbers } — решают организаторы.
results-category = 🏷 { $category }
    { $rows }{ $ties }
results-ties = { "\u000A" }{ $ties }
results-no-entries = заявок нет
results-not-yet = Итоги объявят на церемонии награждения { $gala } в { $time }.
results-header-final = Окончательные итоги (голосование завершилось { $close }):
results-header-live = Текущий подсчёт на { $date } (не окончательный; этап: { $phase }):
results-frozen = Голосование завершено, итоги зафиксированы. { $ties ->
        [0] Ничьих за призовые места нет.
        [1] ⚠️ Одна ничья за призовое место требует вашего решения.
        [one] ⚠️ { $ties } ничья за призовые места требует вашего решения.
        [few] ⚠️ { $ties } ничьи за призовые места требуют вашего решения.
       *[many] ⚠️ { $ties } ничьих за призовые места требуют вашего решения.
    }

    { $results }

## Notifications
notifications-on = Объявления конкурса включены: я сообщу о начале голосования, итогах и церемонии. Решения по вашей заявке приходят всегда.
notifications-off = Объявления конкурса выключены. Решения по вашей заявке всё равно придут.
notifications-turn-off = 🔕 Выключить объявления
notifications-turn-on = 🔔 Включить объявления
command-notifications = Объявления: включить или выключить
command-results = Итоги

## Organisers
stats = 📊 Заявки по статусам:
    { $byStatus }
    По номинациям:
    { $byCategory }
    По платформам:
    { $byPlatform }
    Пользовались ботом: { $users }
    Проголосовали: { $voters }, голосов: { $votes }
    Сообщения: { $pending } ждут, { $sent } отправлено, { $failed } с ошибкой
stats-row = • { $name }: { $count }
broadcast-ask = Напишите объявление одним сообщением. Затем выберете, кому его отправить. /cancel — отменить.
broadcast-length = Объявление должно быть от 1 до { $max } символов.
broadcast-preview = Так оно будет выглядеть:

    { $text }

    Кому отправить?
broadcast-audience-all = 👥 Всем
broadcast-audience-kk = Тем, кто выбрал казахский
broadcast-audience-ru = Тем, кто выбрал русский
broadcast-audience-en = Тем, кто выбрал английский
broadcast-confirm = Отправить { $count ->
        [one] { $count } человеку
        [few] { $count } людям
       *[many] { $count } людям
    } ({ $audience })?

    { $text }
broadcast-send = 📨 Отправить
broadcast-cancelled = Объявление отменено.
broadcast-queued = Поставлено в очередь для { $count ->
        [one] { $count } человека
        [few] { $count } человек
       *[many] { $count } человек
    }. Уходит в пределах лимитов платформы; ход виден в /stats.
broadcast-already = Это объявление уже { $status ->
        [queuing] отправлено и ставится в очередь
        [queued] отправлено
       *[cancelled] отменено
    }.
broadcast-queuing = Ставлю объявление в очередь для { $count ->
        [one] { $count } человека
        [few] { $count } человек
       *[many] { $count } человек
    }… Сообщу, когда всё будет в очереди.

## The terminal chat (trying the bot without a platform)
terminal-hint = Это бот #DoGoodThings в вашем терминале. Напишите /start, чтобы начать. Число нажимает кнопку; «photo ПУТЬ» или «video ПУТЬ» отправляет файл; Ctrl+D — выход.
terminal-media = 🖼 { $kind }: { $path }
media-kind-photo = Фото
media-kind-video = Видео
terminal-file = 📄 Сохранено в { $path }
terminal-no-file = Такого файла нет. Напишите «photo ПУТЬ» или «video ПУТЬ» с путём к файлу.
terminal-next-phase = ⏩ Часы демо переведены: { $phase }.
terminal-last-phase = Демо уже на последней фазе: итоги.
terminal-demo-new = 🎬 Новое демо: конкурс с датами вокруг сегодняшнего дня и { $entries } { $entries ->
        [one] заявкой
        [few] заявками
       *[many] заявками
    } других людей. /nextphase переводит его часы на следующую фазу; /restartdemo начинает демо заново. У демо своя база данных, отдельная от настоящего конкурса.
terminal-demo-resumed = 🎬 Демо продолжается с того места, где вы остановились: { $phase } (дата в демо: { $date }). /nextphase переводит его часы дальше; /restartdemo начинает демо заново.
terminal-demo-restarted = 🎬 Демо начато заново: всё прежнее стёрто, часы вернулись к сегодняшнему дню, { $entries } { $entries ->
        [one] заявка других людей ждёт
        [few] заявки других людей ждут
       *[many] заявок других людей ждут
    } публикации.
phase-name-before = до начала приёма заявок
phase-name-submissions = идёт приём заявок
phase-name-review = приём закрыт, модераторы завершают
phase-name-voting = список опубликован, идёт голосование
phase-name-closed = голосование завершено, итоги объявлены

# Shown on a platform that could not take an entry's photo or video from another platform.
media-not-shown = (Фото или видео этой заявки здесь показать не удалось.)
media-not-shown-card =
    { media-not-shown }

    { $card }

## Защита итогов: анализ голосов, аннулирование и журнал аудита (модераторы)
date-time = { $date } { $time }
fraud-report = 🔎 Анализ { $votes } засчитанных голосов ({ $at }). Заявки с голосами в предполагаемых кластерах, по убыванию:

    { $entries }

    Кластер — повод для проверки человеком, а не доказательство: семьи делят телефоны, офисы — сети. Чтобы исключить голоса кластера из подсчёта: /void cluster КОД причина. Также: /void voter telegram:ID причина, /void entry НОМЕР ГГГГ-ММ-ДД ЧЧ:ММ-ЧЧ:ММ причина. Все кластеры в CSV: /fraud csv
fraud-none = 🔎 Анализ { $votes } засчитанных голосов: кластеров организованного голосования не найдено.
fraud-entry = №{ $number } · { $category }: индекс { $index } — { $suspicious } из { $votes } голосов в кластерах
fraud-cluster = • кластер { $code }: голосов — { $size }; { $signals }{ $ids }; { $from }–{ $to }
fraud-cluster-ids = ; id в { $platform } { $from }–{ $to }
fraud-signal-id-run = идущие подряд id аккаунтов
fraud-signal-new-account = новые для бота аккаунты
fraud-signal-same-link = пришли по ссылке на эту заявку и больше ни за что не голосовали
fraud-signal-foreign-client = клиент на неожиданном языке
fraud-signal-burst = всплеск голосов
fraud-usage = /fraud — последний анализ голосов (плановый или запущенный сейчас), /fraud now — новый анализ, /fraud csv — последний анализ файлами CSV.
fraud-alert = 🔎 Плановый анализ голосов нашёл кластеров: { $clusters }, в них голосов: { $votes } (больше всего у №{ $top }). Подробности: /fraud
void-usage = Чтобы аннулировать голоса, укажите, какие, и причину:
    /void cluster КОД причина — кластер из /fraud (например, 12-3)
    /void voter telegram:ID причина — голоса одного аккаунта
    /void entry НОМЕР ГГГГ-ММ-ДД ЧЧ:ММ-ЧЧ:ММ причина — голоса за заявку в промежутке времени (по часовому поясу конкурса)
    /void left причина — голоса вышедших из канала (отмечены перед концом голосования)
void-what-left = голоса тех, кто вышел из канала до конца голосования
void-reason-left = проголосовавший вышел из канала до конца голосования
recheck-flagged = ⚠️ Голосов от тех, кто вышел из канала до конца голосования: { $votes }. Они пока засчитаны; чтобы аннулировать: /void left причина
recheck-voided = 🚫 Голоса тех, кто вышел из канала до конца голосования, аннулированы по правилам конкурса: { $votes }.
void-reason-needed = Укажите причину (не короче 3 символов): она попадёт в журнал аудита и в отчёт о прозрачности.
void-too-late = Итоги уже объявлены: голоса больше нельзя аннулировать или вернуть.
void-nothing = Засчитанных голосов, подходящих под { $what }, нет. Ничего не изменено.
void-what-cluster = кластер { $code }
void-what-voter = голоса { $account }
void-what-entry = голоса за №{ $number } с { $from } до { $to }
void-done = 🚫 Аннулирование { $id }: { $votes ->
        [one] { $votes } голос больше не засчитывается
        [few] { $votes } голоса больше не засчитываются
       *[many] { $votes } голосов больше не засчитываются
    } ({ $what }). Причина: { $reason }
    Голоса остаются в базе с отметкой. Отменить: /unvoid { $id } причина
unvoid-usage = Чтобы снова засчитать голоса: /unvoid НОМЕР причина
unvoid-unknown = Аннулирования { $id } нет.
unvoid-already = Аннулирование { $id } уже отменено.
unvoid-done = ↩️ Аннулирование { $id } отменено: { $votes ->
        [one] { $votes } голос снова засчитывается
        [few] { $votes } голоса снова засчитываются
       *[many] { $votes } голосов снова засчитываются
    }.
audit-empty = Журнал аудита пуст: голоса не аннулировались.

## Прозрачность (для всех, после итогов)
transparency-report = 📊 Как считались голоса

    { $categories }

    { $voided }
transparency-category = 🏷 { $category }: засчитано голосов — { $counted }, проголосовавших — { $voters }, аннулировано — { $voided }
transparency-reasons = Голоса, аннулированные модераторами, по причинам:
    { $reasons }
transparency-reason = • { $reason }: { $votes }
transparency-no-voids = Голоса не аннулировались.
command-transparency = Как считались голоса

## Жюри
jury-intro = ⚖️ Вы в жюри. Оцените каждого финалиста от 1 до 10 кнопками под его карточкой. Ваших оценок никто не видит, изменить их можно до объявления итогов { $gala } в { $time }.
jury-category = 🏷 { $category }: { $count ->
        [one] { $count } финалист
        [few] { $count } финалиста
       *[many] { $count } финалистов
    }
jury-card = { $card }

    { $score }
jury-your-score = ⚖️ Ваша оценка: { $score }
jury-not-scored = ⚖️ Ещё не оценено
jury-score-button = { $score }
jury-score-button-mine = ✅ { $score }
jury-scored = Ваша оценка заявке №{ $number }: { $score }
jury-not-member = Оценивать заявки могут только члены жюри.
jury-closed = Жюри оценивает финалистов после окончания голосования и до объявления итогов { $gala }.
jury-score-range = Оценка — целое число от 1 до 10.
jury-not-finalist = Эта заявка не входит в число финалистов.
jury-invite = ⚖️ Голосование завершено. Как член жюри, пожалуйста, оцените финалистов до церемонии награждения { $gala } в { $time }: /jury
results-row-jury = { $place }. №{ $number } — { $votes ->
        [one] { $votes } голос
        [few] { $votes } голоса
       *[many] { $votes } голосов
    }, жюри { $jury }
results-how-jury = Как составлен рейтинг: лучшие { $finalists } заявки каждой номинации по голосам зрителей ранжированы на { $public }% по доле голосов зрителей и на { $jury }% по доле оценок жюри (членов жюри: { $jurors }); остальные заявки — по голосам.

## Номер телефона перед голосованием (rules.requirePhone, Telegram)
phone-needed = Перед первым голосом поделитесь номером телефона: один номер голосует один раз в каждой номинации.
phone-ask = 📱 Чтобы голосовать, поделитесь номером телефона кнопкой ниже. Хранится только зашифрованный отпечаток номера, а не сам номер, и его никто не видит.
phone-button = 📱 Поделиться номером
phone-not-needed = В этом конкурсе номер телефона не нужен.
phone-not-own = Пожалуйста, поделитесь своим номером кнопкой под сообщением, а не чужим контактом.
phone-country = В конкурсе принимаются только номера его страны.
phone-thanks = ✅ Спасибо! Теперь можно голосовать: нажмите «Голосовать» на заявке ещё раз.
button-more-choices = Ещё ▶️ ({ $page }/{ $pages })

## Сайт
web-languages = Языки
web-category = Номинация
web-all-categories = Все номинации
web-city = Город
web-number = Номер заявки
web-show = Показать
web-empty = Подходящих заявок пока нет.
web-results-link = 🏆 Итоги
web-results-title = Итоги
web-back = ← Все заявки
web-tile = №{ $number } · { $category }
web-entry-title = Заявка №{ $number } · { $category }
web-entry-alt = Фото заявки №{ $number }, { $category }
web-entry-meta = 📍 { $city } { $nominee }
web-votes = 👍 { $count ->
        [one] { $count } голос
        [few] { $count } голоса
       *[many] { $count } голосов
    }
web-vote-in = 👍 Голосовать в { $platform }
web-share = Поделиться в { $platform }
web-not-found = Такой страницы нет, или заявка не опубликована.
web-my-votes = Мои голоса
web-my-votes-none = Вы ещё не голосовали.
web-app-outside = Чтобы голосовать здесь, откройте эту страницу из бота в Telegram, или голосуйте в боте.
web-app-refused = Не удалось проверить данные запуска от Telegram. Откройте галерею из бота ещё раз.
web-app-menu = Галерея
terminal-site = 🌐 Сайт конкурса с заявками и итогами: { $url }
web-submit-title = ✍️ Рассказать о добром деле
web-submit-kind = Чьё это доброе дело?
web-submit-nominee = Человек (для номинации): имя и несколько слов о нём
web-submit-files = Фото (до 5) или одно видео
web-submit-story = Что произошло
web-submit-consent = Я согласен(на) с правилами конкурса: мою историю, фото или видео и город можно опубликовать, а номинированный человек согласился, чтобы его показали.
web-submit-too-large = Файлы слишком большие: не больше { $mb } МБ за раз.
web-consent-needed = Подтвердите согласие: без него заявку отправить нельзя.
web-file-type = Можно отправить только фото (JPEG, PNG, WebP) и видео MP4.
button-open-app = 🖼 Галерея

## Панель организаторов
panel-link = 🔐 Ваша ссылка в панель организаторов (сработает один раз в течение 10 минут; не пересылайте её): { $url }
panel-unavailable = Панель недоступна: сайт здесь не запущен.
panel-title = Панель организаторов
panel-queue = Ждут решения: { $count }
panel-queue-empty = Заявок, ожидающих решения, нет.
panel-select-all = Выбрать все
panel-approve = ✅ Одобрить выбранные
panel-reject = ❌ Отклонить выбранные по причине:
panel-sign-out = Выйти
panel-signed-out = Вы вышли. Новую ссылку можно получить у бота командой /panel.
panel-refused = Эта ссылка уже использована или устарела. Попросите у бота новую командой /panel.
panel-forbidden = Форма отправлена не из панели. Ничего не изменено.
panel-outcomes = Что сделано:
panel-entry-meta = 📍 { $city } · автор { $who }, { $platform }
panel-outcome = №{ $number }: { $said }
terminal-panel = 🔐 Панель организаторов — для вас как модератора демо (ссылка сработает один раз в течение 10 минут; новую даст /panel): { $url }
panel-dashboard = 📊 Конкурс в цифрах
panel-totals = Людей: { $users } · проголосовавших: { $voters } · засчитано голосов: { $votes }
panel-chart-status = Заявки по статусам
panel-chart-category = Заявки по номинациям
panel-chart-platform = Заявки по платформам
panel-signed-in = Вы вошли как { $who } ({ $role })
panel-role-organiser = организатор
panel-role-moderator = модератор
panel-menu = Страницы панели
panel-nav-queue = 🗂 Очередь
panel-nav-complaints = 🚩 Жалобы
panel-nav-fraud = 🔎 Анализ голосов
panel-nav-dashboard = 📊 Цифры
panel-nav-timeline = 🗓 Календарь
panel-nav-results = 🏆 Итоги
panel-nav-exports = ⬇️ Выгрузки
panel-nav-broadcast = 📣 Объявление
panel-broadcast-text = Текст объявления
panel-broadcast-audience = Кому:
panel-broadcast-preview = Посчитать получателей
panel-organisers-only = Эта страница — для организаторов конкурса.
panel-shortcuts = Клавиши: j и k — к следующей и предыдущей заявке, x — выбрать её, a — одобрить, r — отклонить по выбранной у неё причине.
panel-own-reason = или причина своими словами
panel-move-to = Перенести в эту номинацию
panel-move-selected = Перенести выбранные в эту номинацию
panel-nominee = Номинант: { $nominee }
panel-category-changed = Перенесена в номинацию «{ $category }»
panel-complaints-none = Жалоб на заявки нет.
panel-complaints-count = Жалоб: { $count }
panel-fraud-run = Анализ { $run }: засчитанных голосов { $votes }, { $at }.
panel-fraud-none = Голоса ещё не анализировались.
panel-fraud-analyse = Проанализировать голоса сейчас
panel-fraud-analysed = Голоса проанализированы заново.
panel-void-reason = Причина (для журнала аудита)
panel-void = 🚫 Аннулировать
panel-undo = ↩️ Засчитать снова
panel-audit = Журнал аудита
panel-audit-void = Аннулирование { $id }, { $at }, { $by }: { $what }, голосов: { $votes }. Причина: { $reason }
panel-audit-undo = Аннулирование { $id } отменено, { $at }, { $by }: снова засчитано голосов: { $votes }. Причина: { $reason }
panel-fraud-cluster = Кластер
panel-fraud-entry = Заявка
panel-fraud-votes = Голоса
panel-fraud-signals = Признаки
panel-fraud-span = Когда
panel-exports-intro = Те же файлы, что дают /export, /audit и /fraud csv в боте (ячейки, которые таблица выполнила бы как формулу, обезврежены).
panel-export-entries = Заявки (CSV)
panel-export-votes = Голоса (CSV)
panel-export-results = Итоги (CSV)
panel-export-audit = Журнал аудита (CSV)
panel-export-clusters = Кластеры голосов (CSV)
panel-export-cluster-voters = Аккаунты в кластерах (CSV)
panel-results-title = { $campaign }: итоги
panel-results-final = Окончательные итоги, зафиксированные при закрытии голосования ({ $at }).
panel-results-live = Текущее положение на { $at }: не окончательное.
panel-print = 🖨 Печать
panel-results-place = Место
panel-results-jury = Жюри
panel-results-about = Кто, откуда
panel-results-tie = поровну
panel-top-embargo = Лидеры появятся здесь, когда будут объявлены итоги ({ $date }, { $time }).
panel-sent-per-second = Сообщений в секунду за последнее время: { $rate }
panel-refreshing = Идёт голосование: страница обновляется сама каждые { $seconds } с.
panel-chart-day-platform = Заявки по дням и платформам
panel-chart-day-category = Заявки по дням и номинациям
panel-chart-votes-hour = Голоса по часам ({ $zone })
panel-chart-voters = Проголосовавшие по платформам и языкам
panel-chart-top = Лидеры номинаций
panel-chart-opt-outs = Кто перестал получать сообщения
panel-outbox-pending = ждут
panel-outbox-sent = отправлены
panel-outbox-failed = не доставлены
panel-outbox-rateLimited = отказ по лимиту (429)
panel-opt-optedOut = отключили объявления
panel-opt-unreachable = заблокировали бота
panel-time-zone = Время указано по часовому поясу { $zone }.
panel-phase-now = Сейчас: { $phase }
panel-phase-submissions = Приём заявок
panel-phase-voting = Голосование
panel-phase-gala = Гала-концерт
panel-phase-broadcast = Телеэфир
panel-event-submissions-opened = Объявление: приём заявок открыт
panel-event-submissions-closing = Напоминание: приём заявок скоро закроется
panel-event-voting-opened = Объявление: голосование открыто
panel-event-voting-closed = Голосование закрывается, итоги фиксируются
panel-event-gala-day = Напоминание: гала-концерт сегодня
panel-event-results-announced = Итоги объявлены
panel-event-broadcast-day = Напоминание: эфир сегодня
panel-event-state-done = ✅ отправлено { $at }
panel-event-state-skipped = ⏭ пропущено (бот не был запущен вовремя)
panel-event-state-running = ⏳ отправляется сейчас
panel-event-state-due = ⏳ пора: уйдёт в течение минуты
panel-event-state-upcoming = запланировано
panel-chart-outbox = Сообщения: ждут, отправлены, не доставлены, отказ по лимиту
panel-chart-empty = Пока нечего показать.
