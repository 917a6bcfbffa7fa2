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
platform-name-deleted = жойылған аккаунт
entry-ref = №{ $number }

## Menu and start
menu-submit = 🙌 Игі ісіммен бөлісу
menu-nominate = 🌟 Басқа адамды ұсыну
menu-language = 🌐 Тіл
menu-mydata = 🔒 Менің деректерім
start-greeting = Сәлеметсіз бе! Бұл — { $campaign } ұлттық байқауы, #DoGoodThings.

    Игі іс туралы фото немесе бейнемен айтып беріңіз: өз ісіңіз болсын, не ел білуге лайық басқа адамның ісі болсын. Модераторлар әр өтінімді тексереді, қатысушылар тізімі жарияланады, кейін кез келген адам дауыс бере алады.

    { $phase }
help = Мен не істей аламын:
    /submit — өз игі ісіңізбен бөлісу
    /nominate — басқа адамның игі ісі туралы айту
    /vote — өтінімдерді көріп, дауыс беру
    /results — нәтижелер (жарияланғаннан кейін)
    /transparency — дауыстар қалай есептелді (нәтижелерден кейін)
    /notifications — байқау хабарландыруларын қосу не өшіру
    /language — тілді ауыстыру
    /mydata — сіз туралы не сақтаймын
    /deleteme — деректеріңізді жою
    /cancel — өтінім жазуды тоқтату (жазылғаны өшеді)

    { $phase }
draft-resume = Сізде жіберілмеген өтінім бар. Тоқтаған жерден жалғастырайық.
unknown-command = { $command } пәрменін білмеймін. Мен мынаны істей аламын:
text-no-draft = Қатысу үшін не істегіңіз келетінін таңдаңыз:
media-no-draft = Суретіңізге рақмет! Оны байқауға жіберу үшін алдымен «Игі ісіммен бөлісу» немесе «Басқа адамды ұсыну» батырмасын басыңыз.
unsupported-no-draft = Бұл жерде { $what } қабылданбайды. Не істегіңіз келетінін таңдаңыз:
error-try-again = Кешіріңіз, бізде бірдеңе дұрыс болмады. Енгізгеніңіздің бәрі сақтаулы — бір минуттан кейін қайталап көріңіз.
error-database-away = Кешіріңіз, бот уақытша қолжетімсіз. Жіберген хабарыңыз сақталды, бот қайта жұмыс істей бастағанда өңделеді — оны қайта жіберудің қажеті жоқ.

## Phases of the campaign
phase-before = Өтінімдер { $open } күнінен { $close } күніне дейін қабылданады.
phase-submissions = Өтінімдер { $close } күнін қоса алғанда қабылданады. Қатысушылар тізімі { $publication } күні жарияланады.
phase-review = Өтінім қабылдау { $close } күні аяқталды. Қатысушылар тізімі { $publication } күні жарияланады.
phase-voting = Дауыс беру { $close } күнін қоса алғанда жалғасады.
phase-closed = Дауыс беру аяқталды. Марапаттау рәсімі { $gala } күні өтеді, ол { $broadcast } күні «Жетінші арна» телеарнасында көрсетіледі.
submissions-not-yet = Өтінімдер әлі қабылданбайды: қабылдау { $open } күні басталады.
submissions-closed = Өтінім қабылдау { $close } күні аяқталды. Қызығушылығыңызға рақмет!

## Language
language-choose = Тілді таңдаңыз:
language-name-kk = Қазақша
language-name-ru = Русский
language-name-en = English
language-set = Дайын: сізбен қазақша сөйлесемін.

## Buttons
button-cancel = ✖️ Болдырмау
button-media-done = ✅ Дайын
button-consent-own = ✅ Келісемін
button-consent-nomination = ✅ Иә, адам келісті
button-send = 📨 Жіберу
button-edit = ✏️ Өзгерту
button-back = ⬅️ Артқа
button-stale = Бұл батырма ескі хабарламада тұр, енді жұмыс істемейді. Ештеңе өзгерген жоқ.
button-ok = OK

## Writing an entry
submit-intro = Өз игі ісіңіз туралы айтып беріңіз. Бұл бірнеше минут алады. Кез келген сәтте тоқтап, кейін сол жерден жалғастыра аласыз; /cancel жазылғанның бәрін өшіреді.
nominate-intro = Басқа адамның игі ісі туралы айтып беріңіз. Ол адамның байқауда көрсетілуге келісімі керек болады.
draft-in-progress = Сізде аяқталмаған өтінім бар. Алдымен соны аяқтайық (немесе қайта бастау үшін /cancel).
ask-nominee = Бұл адам кім? Атын және ол туралы бірнеше сөз жазыңыз (мысалы: «Әйгерім, Қарағандыдағы мейірбике»).
ask-story-own = Игі ісіңіз туралы айтып беріңіз: не болды, кімге көмектестіңіз. Көлемі — { $min }–{ $max } таңба.
ask-story-nomination = Бұл адам не істеді? Не болғанын, кімге көмектескенін айтып беріңіз. Көлемі — { $min }–{ $max } таңба.
ask-media = { $max ->
        [one] Бір фото
       *[other] Ең көбі { $max } фото
    } немесе көлемі { $mb } МБ-тан аспайтын бір бейне жіберіңіз (файл ретінде емес, фото не бейне ретінде).
ask-city = Бұл қай қалада немесе ауылда болды?
ask-category = Номинацияны таңдаңыз:
ask-consent-own = Әңгімемнің, фото не бейнемнің және қаламның байқау беттерінде жариялануына әрі халық дауысына ұсынылуына келісемін.
ask-consent-nomination = { $nominee } байқауда осы әңгімемен және фото не бейнемен көрсетілуге келіскенін растаңыз.
nominee-length = Адамның атын және ол туралы бірнеше сөз жазыңыз: 2–{ $max } таңба.
story-too-short = Әңгіме тым қысқа: { $length } таңба. Кемінде { $min } таңба жазыңыз.
story-too-long = Әңгіме тым ұзын: { $length } таңба, ал ең көбі { $max } таңба болуы керек. Қысқартып, қайта жіберіңіз — әзірге ештеңе сақталған жоқ.
city-length = Қаланың немесе ауылдың атын жазыңыз: 2–{ $max } таңба.
expect-media = Енді фото немесе бейне керек: ең көбі { $max } фото немесе көлемі { $mb } МБ-тан аспайтын бір бейне.
use-buttons = Төмендегі батырмалармен жауап беріңіз.
media-not-expected = Бұл қадамда фото немесе бейне күтпеймін.
media-full = Фото саны шегіне жетті — { $max }. Жалғастыру үшін «Дайын» батырмасын басыңыз.
media-photo-added = { $count ->
        [one] Фото алынды
       *[other] { $count } фото алынды
    } ({ $count }/{ $max }). Тағы жіберіңіз немесе «Дайын» батырмасын басыңыз.
media-video-added = Бейне алынды.
video-too-large = Бұл бейне тым үлкен: көлемі { $mb } МБ-тан аспайтын бейне қабылдаймын. Қысқарақ немесе сығылған бейне жіберіңіз.
document-not-accepted = Бұл — { $what }. Суретті файл ретінде емес, фото не бейне ретінде жіберіңіз: ең көбі { $max } фото немесе көлемі { $mb } МБ-тан аспайтын бір бейне.
unsupported-at-media = Бұл — { $what }. Маған фото немесе бейне керек: ең көбі { $max } фото немесе көлемі { $mb } МБ-тан аспайтын бір бейне.
unsupported-here = Бұл қадамда { $what } қабылданбайды.
kind-sticker = стикер
kind-voice = дауыстық хабарлама
kind-document = файл
kind-audio = аудиофайл
kind-animation = GIF-анимация
kind-other = мұндай хабарлама
media-count-video = 1 бейне
media-count-photos = { $count ->
        [one] { $count } фото
       *[other] { $count } фото
    }
summary-own = Өтінімді тексеріңіз:

    📍 Қала: { $city }
    🏷 Номинация: { $category }
    🖼 { $media }

    { $story }
summary-nomination = Басқа адам туралы өтінімді тексеріңіз:

    👤 Адам: { $nominee }
    📍 Қала: { $city }
    🏷 Номинация: { $category }
    🖼 { $media }

    { $story }
edit-choose = Нені өзгерткіңіз келеді?
edit-field-nominee = 👤 Адам
edit-field-story = 📝 Әңгіме
edit-field-media = 🖼 Фото немесе бейне
edit-field-city = 📍 Қала
edit-field-category = 🏷 Номинация
media-needed = Алдымен кемінде бір фото немесе бейне жіберіңіз.
no-draft = Сізде аяқталмаған өтінім жоқ.
draft-cancelled = Өтінім өшірілді, ештеңе жіберілген жоқ.
submit-thanks = Рақмет! №{ $number } өтініміңіз модераторларға жіберілді. Тексерілген соң хабарлаймын. Мақұлданған өтінімдер { $publication } күні жарияланады.

## Moderation
kind-entry-own = өз ісі
kind-entry-nomination = басқа адамды ұсыну
mod-card-nominee = { "\u000A" }👤 Адам: { $name }
mod-card = 📋 №{ $number } өтінім ({ $kind })
    🏷 { $category } · 📍 { $city }{ $nominee }
    ✍️ Авторы: { $author } ({ $authorRef })

    { $story }

    { $status }
mod-status-pending = ⏳ Шешім күтуде
mod-status-approved = ✅ { $date } күні { $by } мақұлдады
mod-status-rejected = ❌ { $date } күні { $by } қабылдамады: { $reason }
mod-approve = ✅ Мақұлдау
mod-reject = ❌ Қабылдамау
mod-change-category = 🏷 Номинацияны ауыстыру
mod-reason-own = ✍️ Өз себебімді жазу
reject-reason-1 = Әңгіме игі іс туралы емес
reject-reason-2 = Фото не бейнеде игі іс көрінбейді
reject-reason-3 = Бұл іс туралы өтінім бұрын жіберілген
reject-reason-4 = Көрсетілген адамның келісімі жоқ
mod-already-decided = Бұл өтінім бойынша шешім қабылданып қойған. { $status }
mod-done-approved = Мақұлданды
mod-done-rejected = Қабылданбады
mod-not-allowed = Мұны тек байқау модераторлары істей алады.
mod-entry-gone = Бұл өтінім енді жоқ.
mod-type-reason = №{ $number } өтінімді қабылдамау себебін бір хабарламамен жазыңыз ({ $max } таңбаға дейін). Автор оны дәл сіз жазғандай көреді. /cancel — тоқтату.
mod-reason-length = Себеп 1–{ $max } таңба болуы керек. Қайта жазыңыз.
entry-approved = 🎉 №{ $number } өтініміңіз мақұлданды! Ол қатысушылар тізімінде { $publication } күні пайда болады.
entry-rejected = Өкінішке қарай, №{ $number } өтініміңіз қабылданбады. Себебі: { $reason }
entry-category-changed = Модераторлар №{ $number } өтініміңізді «{ $category }» номинациясына ауыстырды.

## My data
entry-status-pending = модерацияны күтуде
entry-status-approved = мақұлданды
entry-status-rejected = қабылданбады
entry-status-published = жарияланды
entry-status-hidden = модераторлар жасырды
entry-status-withdrawn = қайтарып алынды
mydata = Сіз туралы мыналарды сақтаймын:
    • Аккаунт: { $platform } { $id }{ $name }
    • Тіл: { $language }; байқау хабарландырулары: { $announcements }
    • Алғашқы хабарласу: { $since }
    • { $draft }
    • Өтінімдер ({ $count }):
    { $entries }
    • Бот сақтаған өтінімдеріңіздің фото және бейнелері: { $media }
    • Дауыстар: { $votes ->
        [0] жоқ
        [one] { $votes } номинацияда
       *[other] { $votes } номинацияда
    }
    • Сіз жіберген шағымдар: { $reports }
    • Сізге жіберілуін күтіп тұрған хабарлар: { $queued }

    { $votesNote }
    Өтінімдерде сіз жіберген әңгіме, қала, номинация, фото не бейне және модераторлардың шешімдері сақталады. Бәрін жою: /deleteme
mydata-votes-note = Дауыстарыңыз бен шағымдарыңыз тек аккаунттың бір жақты кодымен сақталады: ол сіздің кім екеніңізді айтпайды және ешкім бір номинацияда екі рет дауыс бермеуі, бір өтінімге екі рет шағымданбауы үшін /deleteme-ден кейін де қалады.
mydata-name = { " " }({ $name })
mydata-announcements-on = қосулы
mydata-announcements-off = өшірулі
mydata-draft-yes = Жіберілмеген өтінім бар ({ $kind })
mydata-draft-no = Аяқталмаған өтінім жоқ
mydata-no-entries = жоқ
mydata-entry = №{ $number } — { $kind }, { $category }: { $status }
deleteme-confirm = Барлық деректеріңізді жоясыз ба? Әлі жарияланбаған өтінімдер жойылады, жарияланғандары байқаудан алынады. Мұны қайтару мүмкін емес.
deleteme-yes = 🗑 Иә, жою
deleteme-no = Жоқ, қалдыру
deleteme-kept = Ештеңе жойылған жоқ.
deleteme-done = Деректеріңіз жойылды: { $deleted } өтінім жойылды, { $withdrawn } өтінім байқаудан алынды. Маған қайта жазсаңыз, бәрін басынан бастаймыз.

## Commands (descriptions in the platform's menu)
command-start = Бастау және байқау туралы білу
command-submit = Игі ісіммен бөлісу
command-nominate = Басқа адамды ұсыну
command-language = Тілді ауыстыру
command-mydata = Бот мен туралы не сақтайды
command-deleteme = Деректерімді жою
command-cancel = Өтінімді толтыруды тоқтату
command-help = Көмек
command-vote = Өтінімдерді көру және дауыс беру

## Voting
menu-vote = 🗳 Дауыс беру
slow-down = Асықпаңыз — бір секунд күтіп, қайталап көріңіз.
slow-down-messages = Хабарларды мен оқып үлгергенімнен жылдам жіберіп жатырсыз. Бірнеше секунд күтіңіз: одан кейін жіберген хабарыңызға жауап беремін.
entries-pending-limit = Сізде модераторлардың тексеруін күтіп тұрған { $count } өтінім бар. Олар тексерілгеннен кейін жаңасын жібере аласыз.
entries-pending-full = Қазір модераторларда тексеріп үлгеретінінен көп өтінім бар. Бірнеше сағаттан кейін қайталап көріңіз: жазғаныңыз сақталды.
voting-not-yet = Дауыс беру әлі басталған жоқ: қатысушылар тізімі { $publication } күні жарияланады.
vote-choose-category = Өтінімдерді көріп, дауыс беру үшін номинацияны таңдаңыз. Әр номинацияда бір дауысыңыз бар, дауыс беру жүріп жатқанда оны ауыстыруға болады.
results-browse = Дауыс беру аяқталды. Өтінімдерді көру үшін номинацияны таңдаңыз.
vote-category = { $name } ({ $count })
vote-category-empty = Бұл номинацияда әзірге өтінім жоқ.
vote-entry-unavailable = Бұл өтінім енді қолжетімсіз.
entry-card = №{ $number } · { $category }{ $place }
    📍 { $city }{ $nominee }{ $votes }

    { $story }
entry-card-place = { " " }· { $index }/{ $of }
entry-card-nominee = { "\u000A" }👤 { $name }
entry-card-votes = { "\u000A" }👍 { $count ->
        [one] { $count } дауыс
       *[other] { $count } дауыс
    }
vote-button = 👍 Дауыс беру
vote-button-mine = ✅ Сіздің дауысыңыз
button-prev = ◀️ Алдыңғы
button-next = Келесі ▶️
button-share = 🔗 Бөлісу
button-report = ⚠️ Шағымдану
button-categories = 📂 Номинациялар
vote-not-open = Дауыс беру { $publication } күнінен { $close } күніне дейін өтеді.
vote-closed = Дауыс беру { $close } күні аяқталды. Рақмет!
vote-own-entry = Өз өтініміңізге дауыс беруге болмайды.
vote-join-channel = Дауыс беру үшін алдымен { $channel } арнасына жазылыңыз, содан кейін батырманы қайта басыңыз.
vote-counted = №{ $number } өтінімге дауысыңыз есептелді!
vote-already = Сіз №{ $number } өтінімге дауыс беріп қойғансыз.
vote-moved = Дауысыңыз №{ $from } өтінімнен №{ $to } өтінімге ауыстырылды.
share-post = 🌟 Игі істер байқауының «{ $category }» номинациясындағы №{ $number } өтінімді қолдаңыз! Дауыс беру: { $link } #DoGoodThings
entry-published = 🎉 №{ $number } өтініміңіз жарияланды, дауыс беру басталды! Адамдар дауыс беруі үшін осы сілтемемен бөлісіңіз: { $link }
channel-post = №{ $number } · { $category }
    📍 { $city }{ $nominee }

    { $story }

    #DoGoodThings
button-vote-in-bot = 👍 Дауыс беру
link-welcome = { $campaign } — #DoGoodThings игі істер байқауына қош келдіңіз! Сізбен бөлісілген өтінім:
link-entry-unavailable = Бұл өтінім қолжетімсіз. Мынаны істеуге болады:

## Complaints
report-choose = №{ $number } өтінімде не дұрыс емес?
report-reason-1 = Бұл игі іс туралы емес
report-reason-2 = Қорлайтын немесе орынсыз
report-reason-3 = Менің фотом не әңгімем келісімсіз қолданылған
report-reason-4 = Жалған немесе көшірме
report-thanks = Рақмет, модераторлар қарайды.
report-already = Сіз бұл өтінімге шағымданып қойғансыз.
mod-report-card = ⚠️ №{ $number } өтінімге шағым ({ $category }): { $reason }

    { $story }
mod-hide = 🙈 Жасыру
mod-show = 👁 Қайтару
mod-hidden = №{ $number } өтінім жасырылды.
mod-restored = №{ $number } өтінім қайтарылды.
mod-visibility-unchanged = №{ $number } өтінім: { $status }, өзгертетін ештеңе жоқ.
mod-visibility-status = №{ $number } өтінім: { $status } ({ $by })
entry-hidden = Модераторлар шағымнан кейін №{ $number } өтініміңізді жасырды. Жасырылып тұрғанда оның дауыстары есептелмейді.
entry-restored = №{ $number } өтініміңіз қайта көрінеді, оның дауыстары есептеледі.
mod-command-usage = { $command } пәрменін өтінім нөмірімен жазыңыз, мысалы: { $command } 12
pending-list = Шешім күтіп тұрған өтінімдер: { $count }, ең ертесі бірінші. Карточкасын ашу үшін өтінімді таңдаңыз:
pending-none = Шешім күтіп тұрған өтінім жоқ.
pending-item = №{ $number } · { $category } · { $city }
button-more = Тағы ▶️
mod-signals = №{ $number } өтінім: барлығы { $total } дауыс. Ботқа дауыс берерден 10 минуттан аз уақыт бұрын алғаш жазған аккаунттардан: { $newAccounts }. Бір минут ішінде 10 не одан көп дауыс түскен сәттерде берілгені: { $inBursts }. Бұл — адам қарап шығуы керек белгілер, дәлел емес.

## Announcements (the campaign clock)
announce-submissions-open = 📣 #DoGoodThings игі істер байқауына өтінім қабылдау басталды, ол { $close } күніне дейін жалғасады! Игі іс туралы фото не бейнемен айтып беріңіз — өз ісіңіз болсын, басқа адамның ісі болсын: /submit
announce-submissions-closing = ⏰ Бірнеше күн қалды: өтінім қабылдау { $close } күні аяқталады. Айтатын игі ісіңіз болса, уақыты келді: /submit
announce-voting-open = 🗳 Қатысушылар тізімі жарияланды, дауыс беру { $close } күніне дейін жалғасады! Әр номинацияда ұнаған өтінімді таңдаңыз.
announce-gala = 🎉 Игі істер байқауының марапаттау рәсімі бүгін өтеді, басталуы — сағат { $time }. Нәтижелер сонда жарияланады.
announce-results = 🏆 #DoGoodThings игі істер байқауының нәтижелері:

    { $results }
announce-broadcast = 📺 Марапаттау рәсімі { $date } күні «Жетінші арна» телеарнасында көрсетіледі. Жіберіп алмаңыз!
result-for-author = 🏆 «{ $category }» номинациясындағы №{ $number } өтініміңіз { $of } өтінімнің ішінде { $place }-орын алды, { $votes } дауыс жинады. Игі ісіңізге рақмет!

## Results
results-row = { $place }. №{ $number } — { $votes ->
        [one] { $votes } дауыс
       *[other] { $votes } дауыс
    }
results-tie = ⚠️ { $place }-орын үшін дауыс тең: { $numbers } — шешімді ұйымдастырушылар қабылдайды.
results-category = 🏷 { $category }
    { $rows }{ $ties }
results-ties = { "\u000A" }{ $ties }
results-no-entries = өтінім жоқ
results-not-yet = Нәтижелер { $gala } күні сағат { $time } басталатын марапаттау рәсімінде жарияланады.
results-header-final = Қорытынды нәтижелер (дауыс беру { $close } күні аяқталды):
results-header-live = { $date } күнгі ағымдағы есеп (әлі қорытынды емес; кезең: { $phase }):
results-frozen = Дауыс беру аяқталды, нәтижелер бекітілді. { $ties ->
        [0] Жүлделі орындарда дауыс тең түскен жоқ.
        [one] ⚠️ Бір жүлделі орында дауыс тең: шешімді сіз қабылдайсыз.
       *[other] ⚠️ { $ties } жүлделі орында дауыс тең: шешімді сіз қабылдайсыз.
    }

    { $results }

## Notifications
notifications-on = Байқау хабарландырулары қосулы: дауыс беру басталғанын, нәтижелерді және рәсімді хабарлаймын. Өтініміңіз бойынша шешімдер әрқашан келеді.
notifications-off = Байқау хабарландырулары өшірулі. Өтініміңіз бойынша шешімдер бәрібір келеді.
notifications-turn-off = 🔕 Хабарландыруларды өшіру
notifications-turn-on = 🔔 Хабарландыруларды қосу
command-notifications = Хабарландыруларды қосу не өшіру
command-results = Нәтижелер

## Organisers
stats = 📊 Өтінімдер мәртебесі бойынша:
    { $byStatus }
    Номинациялар бойынша:
    { $byCategory }
    Платформалар бойынша:
    { $byPlatform }
    Ботты пайдаланғандар: { $users }
    Дауыс бергендер: { $voters }, дауыстар: { $votes }
    Хабарламалар: { $pending } кезекте, { $sent } жіберілді, { $failed } жеткізілмеді
stats-row = • { $name }: { $count }
broadcast-ask = Хабарландыруды бір хабарламамен жазыңыз. Содан кейін кімге жіберетінін таңдайсыз. /cancel — болдырмау.
broadcast-length = Хабарландыру 1-ден { $max } таңбаға дейін болуы керек.
broadcast-preview = Ол былай көрінеді:

    { $text }

    Кімге жіберу керек?
broadcast-audience-all = 👥 Барлығы
broadcast-audience-kk = Қазақ тілін таңдағандар
broadcast-audience-ru = Орыс тілін таңдағандар
broadcast-audience-en = Ағылшын тілін таңдағандар
broadcast-confirm = Хабарландыруды { $count } адамға ({ $audience }) жіберейін бе?

    { $text }
broadcast-send = 📨 Жіберу
broadcast-cancelled = Хабарландырудан бас тартылды.
broadcast-queued = Хабарландыру { $count } адамға кезекке қойылды. Ол платформа шектеулері аясында жіберіледі; барысын /stats көрсетеді.
broadcast-already = Бұл хабарландыру { $status ->
        [queuing] жіберіліп, кезекке қойылып жатыр
        [queued] жіберіліп қойған
       *[cancelled] бас тартылған
    }.
broadcast-queuing = Хабарландыру { $count } адамға кезекке қойылып жатыр… Дайын болғанда хабарлаймын.

## The terminal chat (trying the bot without a platform)
terminal-hint = Бұл — терминалыңыздағы #DoGoodThings боты. Бастау үшін /start деп жазыңыз. Сан батырманы басады; «photo ЖОЛ» не «video ЖОЛ» файл жібереді; Ctrl+D — шығу.
terminal-media = 🖼 { $kind }: { $path }
media-kind-photo = Фото
media-kind-video = Бейне
terminal-file = 📄 { $path } ішіне сақталды
terminal-no-file = Мұндай файл жоқ. Файлдың жолымен «photo ЖОЛ» не «video ЖОЛ» деп жазыңыз.
terminal-next-phase = ⏩ Демо сағаты алға жылжыды: { $phase }.
terminal-last-phase = Демо соңғы кезеңде: нәтижелер.
terminal-demo-new = 🎬 Жаңа демо: күндері бүгінге құрылған байқау, басқа адамдардың { $entries } өтінімі бар. /nextphase демо сағатын келесі кезеңге жылжытады; /restartdemo демоны басынан бастайды. Демоның өз дерекқоры бар, ол нақты байқаудың дерекқорынан бөлек.
terminal-demo-resumed = 🎬 Демо тоқтаған жерінен жалғасады: { $phase } (демодағы күн: { $date }). /nextphase сағатты алға жылжытады; /restartdemo демоны басынан бастайды.
terminal-demo-restarted = 🎬 Демо басынан басталды: бұрынғы деректің бәрі өшірілді, сағат бүгінгі күнге оралды, басқа адамдардың { $entries } өтінімі жариялануды күтіп тұр.
phase-name-before = өтінім қабылдау басталғанға дейін
phase-name-submissions = өтінім қабылдау жүріп жатыр
phase-name-review = қабылдау жабылды, модераторлар аяқтап жатыр
phase-name-voting = тізім жарияланды, дауыс беру жүріп жатыр
phase-name-closed = дауыс беру аяқталды, нәтижелер жарияланды

# Shown on a platform that could not take an entry's photo or video from another platform.
media-not-shown = (Бұл өтінімнің фотосын не бейнесін мұнда көрсету мүмкін болмады.)
media-not-shown-card =
    { media-not-shown }

    { $card }

## Қорытындыны қорғау: дауыстарды талдау, жарамсыз деп тану және аудит журналы (модераторлар)
date-time = { $date } { $time }
fraud-report = 🔎 Есептелген { $votes } дауыстың талдауы ({ $at }). Болжамды кластерлердегі дауыстары бар өтінімдер, көбінен бастап:

    { $entries }

    Кластер — адам тексеретін сұрақ, дәлел емес: отбасылар бір телефонды, кеңселер бір желіні ортақ пайдаланады. Кластердің дауыстарын есептен шығару: /void cluster КОД себебі. Сондай-ақ: /void voter telegram:ID себебі, /void entry НӨМІР ЖЖЖЖ-АА-КК СС:ММ-СС:ММ себебі. Барлық кластерлер CSV түрінде: /fraud csv
fraud-none = 🔎 Есептелген { $votes } дауыстың талдауы: ұйымдасқан дауыс беру кластерлері табылмады.
fraud-entry = №{ $number } · { $category }: индекс { $index } — { $votes } дауыстың { $suspicious }-і кластерлерде
fraud-cluster = • { $code } кластері: { $size } дауыс; { $signals }{ $ids }; { $from }–{ $to }
fraud-cluster-ids = ; { $platform } id { $from }–{ $to }
fraud-signal-id-run = қатарынан келетін аккаунт id-лері
fraud-signal-new-account = ботқа жаңа аккаунттар
fraud-signal-same-link = осы өтінімнің сілтемесімен келіп, басқа ешкімге дауыс бермеген
fraud-signal-foreign-client = клиенті күтпеген тілде
fraud-signal-burst = дауыстардың кенет көбеюі
fraud-usage = /fraud — дауыстардың соңғы талдауы (жоспарлы немесе қазір іске қосылған), /fraud now — жаңа талдау, /fraud csv — соңғы талдау CSV файлдарымен.
fraud-alert = 🔎 Жоспарлы талдау { $clusters } кластер тапты, оларда { $votes } дауыс (ең көбі №{ $top }). Толығырақ: /fraud
void-usage = Дауыстарды жарамсыз деп тану үшін қайсысын және себебін жазыңыз:
    /void cluster КОД себебі — /fraud ішіндегі кластер (мысалы, 12-3)
    /void voter telegram:ID себебі — бір аккаунттың дауыстары
    /void entry НӨМІР ЖЖЖЖ-АА-КК СС:ММ-СС:ММ себебі — өтінімге берілген дауыстар белгілі уақыт аралығында (байқаудың уақыт белдеуі бойынша)
    /void left себебі — арнадан шыққандардың дауыстары (дауыс беру аяқталар алдында белгіленген)
void-what-left = дауыс беру аяқталғанға дейін арнадан шыққандардың дауыстары
void-reason-left = дауыс беруші дауыс беру аяқталғанға дейін арнадан шықты
recheck-flagged = ⚠️ Дауыс беру аяқталғанға дейін арнадан шыққандардың дауыстары: { $votes }. Олар әзірге есептеледі; жарамсыз деп тану үшін: /void left себебі
recheck-voided = 🚫 Дауыс беру аяқталғанға дейін арнадан шыққандардың дауыстары байқау ережесі бойынша жарамсыз деп танылды: { $votes }.
void-reason-needed = Себебін жазыңыз (кемінде 3 таңба): ол аудит журналына және ашықтық есебіне түседі.
void-too-late = Қорытынды жарияланды: енді дауыстарды жарамсыз деп тануға немесе қайтаруға болмайды.
void-nothing = { $what } бойынша есептелген дауыс жоқ. Ештеңе өзгерген жоқ.
void-what-cluster = { $code } кластері
void-what-voter = { $account } дауыстары
void-what-entry = №{ $number } өтінімге { $from } – { $to } аралығында берілген дауыстар
void-done = 🚫 { $id }-жарамсыз деп тану: { $votes } дауыс ({ $what }) енді есептелмейді. Себебі: { $reason }
    Дауыстар базада белгімен сақталады. Күшін жою: /unvoid { $id } себебі
unvoid-usage = Дауыстарды қайта есептеу үшін: /unvoid НӨМІР себебі
unvoid-unknown = { $id } нөмірлі жарамсыз деп тану жоқ.
unvoid-already = { $id } нөмірлі жарамсыз деп танудың күші бұрын жойылған.
unvoid-done = ↩️ { $id } нөмірлі жарамсыз деп танудың күші жойылды: { $votes } дауыс қайта есептеледі.
audit-empty = Аудит журналы бос: ешбір дауыс жарамсыз деп танылмаған.

## Ашықтық (барлығына, қорытындыдан кейін)
transparency-report = 📊 Дауыстар қалай есептелді

    { $categories }

    { $voided }
transparency-category = 🏷 { $category }: есептелген дауыс — { $counted }, дауыс бергендер — { $voters }, жарамсыз деп танылғаны — { $voided }
transparency-reasons = Модераторлар жарамсыз деп таныған дауыстар, себептері бойынша:
    { $reasons }
transparency-reason = • { $reason }: { $votes }
transparency-no-voids = Ешбір дауыс жарамсыз деп танылмаған.
command-transparency = Дауыстар қалай есептелді

## Қазылар алқасы
jury-intro = ⚖️ Сіз қазылар алқасының мүшесісіз. Әр финалистті карточкасының астындағы батырмалармен 1-ден 10-ға дейін бағалаңыз. Сіздің бағаңызды ешкім көрмейді, оны { $gala } күні сағат { $time }-де қорытынды жарияланғанға дейін өзгертуге болады.
jury-category = 🏷 { $category }: { $count } финалист
jury-card = { $card }

    { $score }
jury-your-score = ⚖️ Сіздің бағаңыз: { $score }
jury-not-scored = ⚖️ Әлі бағаланбаған
jury-score-button = { $score }
jury-score-button-mine = ✅ { $score }
jury-scored = №{ $number } өтінімге бағаңыз: { $score }
jury-not-member = Өтінімдерді тек қазылар алқасының мүшелері бағалай алады.
jury-closed = Қазылар алқасы финалистерді дауыс беру аяқталғаннан бастап { $gala } күні қорытынды жарияланғанға дейін бағалайды.
jury-score-range = Баға — 1-ден 10-ға дейінгі бүтін сан.
jury-not-finalist = Бұл өтінім финалистердің қатарында жоқ.
jury-invite = ⚖️ Дауыс беру аяқталды. Қазылар алқасының мүшесі ретінде финалистерді { $gala } күні сағат { $time }-дегі марапаттау рәсіміне дейін бағалаңыз: /jury
results-row-jury = { $place }. №{ $number } — { $votes } дауыс, қазылар { $jury }
results-how-jury = Рейтинг қалай құрылды: әр номинациядағы көрермендер дауысы бойынша үздік { $finalists } өтінім { $public }% көрермендер дауысының үлесі бойынша және { $jury }% қазылар бағасының үлесі бойынша орналастырылды (қазылар саны: { $jurors }); қалған өтінімдер — дауыстар бойынша.

## Дауыс бермес бұрын телефон нөмірі (rules.requirePhone, Telegram)
phone-needed = Алғашқы дауысыңыздың алдында телефон нөміріңізбен бөлісіңіз: бір нөмір әр номинацияда бір рет дауыс береді.
phone-ask = 📱 Дауыс беру үшін төмендегі батырмамен телефон нөміріңізбен бөлісіңіз. Нөмірдің өзі емес, тек шифрланған ізі сақталады және оны ешкім көрмейді.
phone-button = 📱 Нөмірмен бөлісу
phone-not-needed = Бұл байқауда телефон нөмірі қажет емес.
phone-not-own = Басқа біреудің контактісін емес, хабарламаның астындағы батырмамен өз нөміріңізді жіберіңіз.
phone-country = Байқау тек өз елінің нөмірлерін қабылдайды.
phone-thanks = ✅ Рақмет! Енді дауыс беруге болады: өтінімдегі «Дауыс беру» батырмасын қайта басыңыз.
button-more-choices = Тағы ▶️ ({ $page }/{ $pages })

## Сайт
web-languages = Тілдер
web-category = Номинация
web-all-categories = Барлық номинациялар
web-city = Қала
web-number = Өтінім нөмірі
web-show = Көрсету
web-empty = Әзірге сәйкес өтінім жоқ.
web-results-link = 🏆 Нәтижелер
web-results-title = Нәтижелер
web-back = ← Барлық өтінімдер
web-tile = №{ $number } · { $category }
web-entry-title = №{ $number } өтінім · { $category }
web-entry-alt = №{ $number } өтінімнің фотосы, { $category }
web-entry-meta = 📍 { $city } { $nominee }
web-votes = 👍 { $count } дауыс
web-vote-in = 👍 { $platform } арқылы дауыс беру
web-share = { $platform } арқылы бөлісу
web-not-found = Мұндай бет жоқ немесе өтінім жарияланбаған.
web-my-votes = Менің дауыстарым
web-my-votes-none = Сіз әлі дауыс берген жоқсыз.
web-app-outside = Осында дауыс беру үшін бұл бетті Telegram-дағы боттан ашыңыз немесе ботта дауыс беріңіз.
web-app-refused = Telegram-нан келген іске қосу деректерін тексеру мүмкін болмады. Галереяны боттан қайта ашыңыз.
web-app-menu = Галерея
terminal-site = 🌐 Өтінімдер мен нәтижелер бар байқау сайты: { $url }
web-submit-title = ✍️ Игі іс туралы айту
web-submit-kind = Бұл кімнің игі ісі?
web-submit-nominee = Адам (номинация үшін): аты-жөні және ол туралы бірнеше сөз
web-submit-files = Фото (5-ке дейін) немесе бір бейне
web-submit-story = Не болды
web-submit-consent = Байқау ережелерімен келісемін: әңгімем, фото не бейнем және қалам жариялана алады, ал ұсынылған адам көрсетілуге келісті.
web-submit-too-large = Файлдар тым үлкен: бір жолы ең көбі { $mb } МБ.
web-consent-needed = Келісіміңізді растаңыз: онсыз өтінімді жіберуге болмайды.
web-file-type = Тек фото (JPEG, PNG, WebP) және MP4 бейне жіберуге болады.
button-open-app = 🖼 Галерея

## Ұйымдастырушылар панелі
panel-link = 🔐 Ұйымдастырушылар панеліне сілтемеңіз (10 минут ішінде бір рет жұмыс істейді; ешкімге жібермеңіз): { $url }
panel-unavailable = Панель қолжетімсіз: мұнда сайт іске қосылмаған.
panel-title = Ұйымдастырушылар панелі
panel-queue = Шешім күтуде: { $count }
panel-queue-empty = Шешім күтіп тұрған өтінім жоқ.
panel-select-all = Барлығын таңдау
panel-approve = ✅ Таңдалғандарды мақұлдау
panel-reject = ❌ Таңдалғандарды мына себеппен қабылдамау:
panel-sign-out = Шығу
panel-signed-out = Сіз шықтыңыз. Жаңа сілтемені боттан /panel командасымен алыңыз.
panel-refused = Бұл сілтеме қолданылған немесе мерзімі өткен. Боттан /panel командасымен жаңасын сұраңыз.
panel-forbidden = Форма панельден жіберілмеген. Ештеңе өзгерген жоқ.
panel-outcomes = Не істелді:
panel-entry-meta = 📍 { $city } · авторы { $who }, { $platform }
panel-outcome = №{ $number }: { $said }
terminal-panel = 🔐 Ұйымдастырушылар панелі — демо модераторы ретінде сізге (сілтеме 10 минут ішінде бір рет жұмыс істейді; жаңасын /panel береді): { $url }
panel-dashboard = 📊 Байқау сандармен
panel-totals = Адамдар: { $users } · дауыс бергендер: { $voters } · есептелген дауыстар: { $votes }
panel-chart-status = Өтінімдер мәртебесі бойынша
panel-chart-category = Өтінімдер номинациялар бойынша
panel-chart-platform = Өтінімдер платформалар бойынша
panel-signed-in = Сіз { $who } ретінде кірдіңіз ({ $role })
panel-role-organiser = ұйымдастырушы
panel-role-moderator = модератор
panel-menu = Панель беттері
panel-nav-queue = 🗂 Кезек
panel-nav-complaints = 🚩 Шағымдар
panel-nav-fraud = 🔎 Дауыстарды талдау
panel-nav-dashboard = 📊 Сандар
panel-nav-timeline = 🗓 Күнтізбе
panel-nav-results = 🏆 Қорытынды
panel-nav-exports = ⬇️ Жүктеп алу
panel-nav-broadcast = 📣 Хабарландыру
panel-broadcast-text = Хабарландыру мәтіні
panel-broadcast-audience = Кімге:
panel-broadcast-preview = Алушыларды санау
panel-organisers-only = Бұл бет байқауды ұйымдастырушыларға арналған.
panel-shortcuts = Пернелер: j мен k — келесі және алдыңғы өтінімге, x — оны таңдау, a — мақұлдау, r — онда таңдалған себеппен қабылдамау.
panel-own-reason = немесе өз сөзіңізбен себеп
panel-move-to = Осы номинацияға ауыстыру
panel-move-selected = Таңдалғандарды осы номинацияға ауыстыру
panel-nominee = Номинант: { $nominee }
panel-category-changed = «{ $category }» номинациясына ауыстырылды
panel-complaints-none = Өтінімдерге шағым жоқ.
panel-complaints-count = Шағымдар: { $count }
panel-fraud-run = { $run }-талдау: есептелген дауыстар { $votes }, { $at }.
panel-fraud-none = Дауыстар әлі талданған жоқ.
panel-fraud-analyse = Дауыстарды қазір талдау
panel-fraud-analysed = Дауыстар қайта талданды.
panel-void-reason = Себебі (аудит журналы үшін)
panel-void = 🚫 Жарамсыз деп тану
panel-undo = ↩️ Қайта есептеу
panel-audit = Аудит журналы
panel-audit-void = { $id }-күшін жою, { $at }, { $by }: { $what }, дауыстар: { $votes }. Себебі: { $reason }
panel-audit-undo = { $id }-күшін жою қайтарылды, { $at }, { $by }: қайта есептелген дауыстар: { $votes }. Себебі: { $reason }
panel-fraud-cluster = Кластер
panel-fraud-entry = Өтінім
panel-fraud-votes = Дауыстар
panel-fraud-signals = Белгілер
panel-fraud-span = Қашан
panel-exports-intro = Боттағы /export, /audit және /fraud csv беретін файлдар (кесте формула ретінде орындайтын ұяшықтар зиянсыздандырылған).
panel-export-entries = Өтінімдер (CSV)
panel-export-votes = Дауыстар (CSV)
panel-export-results = Қорытынды (CSV)
panel-export-audit = Аудит журналы (CSV)
panel-export-clusters = Дауыс кластерлері (CSV)
panel-export-cluster-voters = Кластерлердегі аккаунттар (CSV)
panel-results-title = { $campaign }: қорытынды
panel-results-final = Дауыс беру жабылғанда бекітілген түпкілікті қорытынды ({ $at }).
panel-results-live = { $at } кезіндегі ағымдағы жағдай: түпкілікті емес.
panel-print = 🖨 Басып шығару
panel-results-place = Орын
panel-results-jury = Қазылар
panel-results-about = Кім, қайдан
panel-results-tie = тең
panel-top-embargo = Көшбасшылар қорытынды жарияланғанда осында көрсетіледі ({ $date }, { $time }).
panel-sent-per-second = Соңғы кездегі секундына жіберілген хабарламалар: { $rate }
panel-refreshing = Дауыс беру жүріп жатыр: бет әр { $seconds } секунд сайын өзі жаңарады.
panel-chart-day-platform = Күндер мен платформалар бойынша өтінімдер
panel-chart-day-category = Күндер мен номинациялар бойынша өтінімдер
panel-chart-votes-hour = Сағат бойынша дауыстар ({ $zone })
panel-chart-voters = Платформалар мен тілдер бойынша дауыс бергендер
panel-chart-top = Номинациялар көшбасшылары
panel-chart-opt-outs = Хабарлама алуды тоқтатқандар
panel-outbox-pending = күтуде
panel-outbox-sent = жіберілді
panel-outbox-failed = жеткізілмеді
panel-outbox-rateLimited = лимит бойынша бас тарту (429)
panel-opt-optedOut = хабарландыруларды өшірді
panel-opt-unreachable = ботты бұғаттады
panel-time-zone = Уақыт { $zone } белдеуі бойынша көрсетілген.
panel-phase-now = Қазір: { $phase }
panel-phase-submissions = Өтінім қабылдау
panel-phase-voting = Дауыс беру
panel-phase-gala = Гала-концерт
panel-phase-broadcast = Теледидар эфирі
panel-event-submissions-opened = Хабарландыру: өтінім қабылдау ашылды
panel-event-submissions-closing = Еске салу: өтінім қабылдау жақында жабылады
panel-event-voting-opened = Хабарландыру: дауыс беру ашылды
panel-event-voting-closed = Дауыс беру жабылады, қорытынды бекітіледі
panel-event-gala-day = Еске салу: гала-концерт бүгін
panel-event-results-announced = Қорытынды жарияланды
panel-event-broadcast-day = Еске салу: эфир бүгін
panel-event-state-done = ✅ жіберілді { $at }
panel-event-state-skipped = ⏭ өткізіп жіберілді (бот уақытында іске қосылмаған)
panel-event-state-running = ⏳ қазір жіберілуде
panel-event-state-due = ⏳ уақыты келді: бір минут ішінде жіберіледі
panel-event-state-upcoming = жоспарланған
panel-chart-outbox = Хабарламалар: күтуде, жіберілді, жеткізілмеді, лимит бойынша бас тарту
panel-chart-empty = Әзірге көрсететін ештеңе жоқ.
