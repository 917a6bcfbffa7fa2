## Building blocks
plain = { $value }
lines = { $first }
    { $second }
empty = { "" }

## Menu and start
menu-submit = 🙌 Өз игі ісім туралы айту
menu-nominate = 🌟 Басқа адам туралы айту
menu-language = 🌐 Тіл
menu-mydata = 🔒 Менің деректерім
start-greeting = Сәлеметсіз бе! Бұл — { $campaign }, #DoGoodThings игі істер ұлттық байқауы.

    Игі іс туралы айтыңыз — өзіңіздің немесе елдің білуіне лайық басқа адамның ісі туралы — фото немесе бейнемен. Модераторлар әр өтінімді тексереді, қатысушылар тізімі жарияланады, және бәрі дауыс бере алады.

    { $phase }
help = Мен не істей аламын:
    /submit — өз игі ісіңіз туралы айту
    /nominate — басқа адамның игі ісі туралы айту
    /language — тілді ауыстыру
    /mydata — сіз туралы не сақтаймын
    /deleteme — деректеріңізді жою
    /cancel — өтінімді толтыруды тоқтату

    { $phase }
draft-resume = Сізде жіберілмеген өтінім бар. Тоқтаған жерден жалғастырайық.
unknown-command = { $command } пәрменін білмеймін. Мен мынаны істей аламын:
text-no-draft = Қатысу үшін не істегіңіз келетінін таңдаңыз:
media-no-draft = Сурет үшін рақмет! Оны байқауға жіберу үшін алдымен «Өз игі ісім туралы айту» немесе «Басқа адам туралы айту» батырмасын таңдаңыз.
unsupported-no-draft = Мұнда { $what } қабылдай алмаймын. Не істегіңіз келетінін таңдаңыз:
error-try-again = Кешіріңіз, бізде бірдеңе дұрыс болмады. Енгізгеніңіздің бәрі сақталды — бір минуттан кейін қайталап көріңіз.
error-database-away = Кешіріңіз, бот уақытша қолжетімсіз. Жіберген хабарыңыз сақталды, бот қайта жұмыс істей бастағанда өңделеді — оны қайта жіберудің қажеті жоқ.

## Phases of the campaign
phase-before = Өтінімдер { $open } мен { $close } аралығында қабылданады.
phase-submissions = Өтінімдер { $close } қоса алғанда қабылданады. Қатысушылар тізімі { $publication } жарияланады.
phase-review = Өтінім қабылдау { $close } аяқталды. Қатысушылар тізімі { $publication } жарияланады.
phase-voting = Дауыс беру { $close } қоса алғанда ашық.
phase-results = Дауыс беру аяқталды. Марапаттау рәсімі — { $gala }, ол { $broadcast } Жетінші арнада көрсетіледі.
submissions-not-yet = Өтінімдер әлі қабылданбайды: қабылдау { $open } басталады.
submissions-closed = Өтінім қабылдау { $close } аяқталды. Қызығушылығыңыз үшін рақмет!

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
button-stale = Бұл батырма бұрынғы хабарламадан, енді жұмыс істемейді. Ештеңе өзгерген жоқ.
button-ok = OK

## Writing an entry
submit-intro = Өз игі ісіңіз туралы айтыңыз. Бұл бірнеше минут алады; кез келген сәтте /cancel арқылы тоқтап, кейін жалғастыруға болады.
nominate-intro = Басқа адамның игі ісі туралы айтыңыз. Оның жариялауға келісімі керек болады.
draft-in-progress = Сізде аяқталмаған өтінім бар. Алдымен соны аяқтайық (немесе қайта бастау үшін /cancel).
ask-nominee = Бұл адам кім? Атын және ол туралы бірнеше сөз жазыңыз (мысалы: «Әйгерім, Қарағандыдағы мейірбике»).
ask-story-own = Игі ісіңіз туралы айтыңыз: не болды, кімге көмектесті. { $min } мен { $max } таңба аралығында.
ask-story-nomination = Бұл адам не істеді? Не болғанын, кімге көмектескенін айтыңыз. { $min } мен { $max } таңба аралығында.
ask-media = { $max ->
        [one] Бір фото
       *[other] 1-ден { $max }-ге дейін фото
    } немесе { $mb } МБ-қа дейінгі бір бейне жіберіңіз (файл ретінде емес, фото не бейне ретінде).
ask-city = Бұл қай қалада немесе ауылда болды?
ask-category = Номинацияны таңдаңыз:
ask-consent-own = Менің әңгімем, фотом не бейнем және қалам байқау беттерінде жариялануына және халықтық дауыс беруге көрсетілуіне келісемін.
ask-consent-nomination = { $nominee } осы әңгімемен және фото не бейнемен байқауда көрсетілуге келісетінін растаңыз.
nominee-length = Адамның атын және ол туралы бірнеше сөз жазыңыз: 2-ден { $max } таңбаға дейін.
story-too-short = Әңгіме тым қысқа ({ $length ->
        [one] { $length } таңба
       *[other] { $length } таңба
    }). Кемінде { $min } таңба жазыңыз.
story-too-long = Әңгіме тым ұзын: { $length } таңба, ал ең көбі { $max } болуы керек. Қысқартып, қайта жіберіңіз — әзірге ештеңе сақталған жоқ.
city-length = Қаланың немесе ауылдың атын жазыңыз: 2-ден { $max } таңбаға дейін.
expect-media = Қазір фото немесе бейне керек: { $max } фотоға дейін немесе { $mb } МБ-қа дейінгі бір бейне.
use-buttons = Төмендегі батырмалармен жауап беріңіз.
media-not-expected = Бұл қадамда фото немесе бейне күтпеймін.
media-full = Сіз ең көп мөлшерді — { $max } фото қостыңыз. Жалғастыру үшін «Дайын» батырмасын басыңыз.
media-photo-added = Фото алынды ({ $max } ішінен { $count }). Тағы жіберіңіз немесе «Дайын» басыңыз.
media-video-added = Бейне алынды.
video-too-large = Бұл бейне тым үлкен: { $mb } МБ-қа дейінгі бейне қабылдаймын. Қысқарақ немесе кішірек бейне жіберіңіз.
document-not-accepted = Сіз { $what } жібердіңіз. Суретті файл ретінде емес, фото не бейне ретінде жіберіңіз: { $max } фотоға дейін немесе { $mb } МБ-қа дейінгі бір бейне.
unsupported-at-media = Сіз { $what } жібердіңіз. Маған фото немесе бейне керек: { $max } фотоға дейін немесе { $mb } МБ-қа дейінгі бір бейне.
unsupported-here = Бұл қадамда { $what } қабылдай алмаймын.
kind-sticker = стикер
kind-voice = дауыстық хабарлама
kind-document = файл
kind-audio = аудиофайл
kind-animation = GIF
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
draft-cancelled = Болдырылмады. Ештеңе жіберілген жоқ.
submit-thanks = Рақмет! №{ $number } өтініміңіз модераторларға жіберілді. Тексерілгенде хабарлаймын. Мақұлданған өтінімдер { $publication } жарияланады.

## Moderation
kind-entry-own = өз ісі
kind-entry-nomination = басқа адам туралы
mod-card-nominee = { "\u000A" }👤 Адам: { $name }
mod-card = 📋 №{ $number } өтінім ({ $kind })
    🏷 { $category } · 📍 { $city }{ $nominee }
    ✍️ Авторы: { $author } ({ $authorRef })

    { $story }

    { $status }
mod-status-pending = ⏳ Шешім күтуде
mod-status-approved = ✅ { $by } мақұлдады, { $date }
mod-status-rejected = ❌ { $by } қабылдамады, { $date }: { $reason }
mod-approve = ✅ Мақұлдау
mod-reject = ❌ Қабылдамау
mod-change-category = 🏷 Номинацияны ауыстыру
mod-reason-own = ✍️ Өз себебімді жазу
reject-reason-1 = Әңгіме игі іс туралы емес
reject-reason-2 = Фото не бейнеде игі іс көрінбейді
reject-reason-3 = Бұл іс туралы бұрын айтылған
reject-reason-4 = Көрсетілген адамның келісімі жоқ
mod-already-decided = Бұл өтінім бойынша шешім қабылданып қойған. { $status }
mod-done-approved = Мақұлданды
mod-done-rejected = Қабылданбады
mod-not-allowed = Мұны тек байқау модераторлары істей алады.
mod-entry-gone = Бұл өтінім енді жоқ.
mod-type-reason = №{ $number } өтінімді қабылдамау себебін бір хабарламамен жазыңыз ({ $max } таңбаға дейін). Автор оны сіз жазғандай көреді. /cancel — болдырмау.
mod-reason-length = Себеп 1-ден { $max } таңбаға дейін болуы керек. Қайта жазыңыз.
entry-approved = 🎉 №{ $number } өтініміңіз мақұлданды! Ол қатысушылар тізімінде { $publication } пайда болады.
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
deleteme-confirm = Барлық деректеріңізді жою керек пе? Әлі жарияланбаған өтінімдер жойылады, жарияланғандары байқаудан алынады. Мұны қайтару мүмкін емес.
deleteme-yes = 🗑 Иә, жою
deleteme-no = Жоқ, қалдыру
deleteme-kept = Ештеңе жойылған жоқ.
deleteme-done = Деректеріңіз жойылды: { $deleted ->
        [one] { $deleted } өтінім жойылды
       *[other] { $deleted } өтінім жойылды
    }, байқаудан алынғаны: { $withdrawn }. Маған қайта жазсаңыз, бәрін басынан бастаймын.

## Commands (descriptions in the platform's menu)
command-start = Бастау және байқау туралы білу
command-submit = Өз игі ісім туралы айту
command-nominate = Басқа адам туралы айту
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
voting-not-yet = Дауыс беру әлі басталған жоқ: қатысушылар тізімі { $publication } жарияланады.
vote-choose-category = Өтінімдерді көріп, дауыс беру үшін номинацияны таңдаңыз. Әр номинацияда бір дауысыңыз бар, дауыс беру жүріп жатқанда оны ауыстыруға болады.
results-browse = Дауыс беру аяқталды. Өтінімдерді көру үшін номинацияны таңдаңыз.
vote-category = { $name } ({ $count })
vote-category-empty = Бұл номинацияда әзірге өтінім жоқ.
vote-entry-unavailable = Бұл өтінім енді қолжетімсіз.
entry-card = №{ $number } · { $category }
    📍 { $city }{ $nominee }{ $votes }

    { $story }
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
button-report = ⚠️ Шағым
button-categories = 📂 Номинациялар
vote-not-open = Дауыс беру { $publication } мен { $close } аралығында өтеді.
vote-closed = Дауыс беру { $close } аяқталды. Рақмет!
vote-own-entry = Өз өтініміңізге дауыс беруге болмайды.
vote-join-channel = Дауыс беру үшін алдымен { $channel } арнасына жазылыңыз, содан кейін батырманы қайта басыңыз.
vote-counted = №{ $number } үшін дауысыңыз есептелді!
vote-already = Сіз №{ $number } үшін дауыс беріп қойғансыз.
vote-moved = Дауысыңыз №{ $from } орнынан №{ $to } өтінімге ауыстырылды.
share-post = 🌟 Игі істер байқауының «{ $category }» номинациясындағы №{ $number } өтінімді қолдаңыз! Дауыс беру: { $link } #DoGoodThings
entry-published = 🎉 №{ $number } өтініміңіз жарияланды, дауыс беру ашық! Адамдар дауыс беруі үшін осы сілтемемен бөлісіңіз: { $link }
channel-post = №{ $number } · { $category }
    📍 { $city }{ $nominee }

    { $story }

    #DoGoodThings
button-vote-in-bot = 👍 Дауыс беру
link-welcome = { $campaign } байқауына қош келдіңіз — #DoGoodThings игі істер байқауы! Сізбен бөліскен өтінім:
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
entry-hidden = Модераторлар шағымнан кейін №{ $number } өтініміңізді жасырды. Жасырулы тұрғанда оның дауыстары есептелмейді.
entry-restored = №{ $number } өтініміңіз қайта көрінеді, оның дауыстары есептеледі.
mod-command-usage = { $command } пәрменін өтінім нөмірімен жазыңыз, мысалы: { $command } 12
mod-signals = №{ $number } өтінім: { $total ->
        [one] { $total } дауыс
       *[other] { $total } дауыс
    }; жаңа аккаунттардан (алғашқы хабарласудан 10 минутқа дейін): { $newAccounts }; серпілістерде (минутына 10 не одан көп): { $inBursts }. Бұл адам назар аударуы керек белгілер, дәлел емес.

## Announcements (the campaign clock)
announce-submissions-open = 📣 #DoGoodThings игі істер байқауына өтінім қабылдау { $close } дейін ашық! Игі іс туралы — өзіңіздің не басқаның — фото не бейнемен айтыңыз: /submit
announce-submissions-closing = ⏰ Бірнеше күн қалды: өтінім қабылдау { $close } жабылады. Айтатын игі ісіңіз болса — дәл уақыты: /submit
announce-voting-open = 🗳 Қатысушылар тізімі жарияланды, дауыс беру { $close } дейін ашық! Әр номинацияда ұнаған өтінімді таңдаңыз.
announce-gala = 🎉 Игі істер байқауының марапаттау рәсімі — бүгін сағат { $time }. Нәтижелер сонда жарияланады.
announce-results = 🏆 #DoGoodThings игі істер байқауының нәтижелері:

    { $results }
announce-broadcast = 📺 Марапаттау рәсімі { $date } Жетінші арнада көрсетіледі. Жіберіп алмаңыз!
result-for-author = 🏆 «{ $category }» номинациясындағы №{ $number } өтініміңіз { $of } ішінен { $place }-орын алды: { $votes ->
        [one] { $votes } дауыс
       *[other] { $votes } дауыс
    }. Игі ісіңіз үшін рақмет!

## Results
results-row = { $place }. №{ $number } — { $votes ->
        [one] { $votes } дауыс
       *[other] { $votes } дауыс
    }
results-tie = ⚠️ { $place }-орын үшін тең түсті: { $numbers } — ұйымдастырушылар шешеді.
results-category = 🏷 { $category }
    { $rows }{ $ties }
results-no-entries = өтінім жоқ
results-not-yet = Нәтижелер { $gala } сағат { $time } марапаттау рәсімінде жарияланады.
results-header-final = Қорытынды нәтижелер (дауыс беру { $close } аяқталды):
results-header-live = { $date } күнгі ағымдағы есеп (қорытынды емес, кезең: { $phase }):
results-frozen = Дауыс беру аяқталды, нәтижелер бекітілді. { $ties ->
        [0] Жүлделі орындар үшін тең түсу жоқ.
        [one] ⚠️ Жүлделі орын үшін бір тең түсу сіздің шешіміңізді күтеді.
       *[other] ⚠️ Жүлделі орындар үшін { $ties } тең түсу сіздің шешіміңізді күтеді.
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
stats = 📊 Өтінімдер мәртебе бойынша:
    { $byStatus }
    Номинациялар бойынша:
    { $byCategory }
    Платформалар бойынша:
    { $byPlatform }
    Ботты пайдаланғандар: { $users }
    Дауыс бергендер: { $voters }, дауыстар: { $votes }
    Хабарламалар: { $pending } күтуде, { $sent } жіберілді, { $failed } қатемен
stats-row = • { $name }: { $count }
broadcast-ask = Хабарландыруды бір хабарламамен жазыңыз. Содан кейін кімге жіберетінін таңдайсыз. /cancel — болдырмау.
broadcast-length = Хабарландыру 1-ден { $max } таңбаға дейін болуы керек.
broadcast-preview = Ол былай көрінеді:

    { $text }

    Кімге жіберу керек?
broadcast-audience-all = 👥 Барлығына
broadcast-audience-kk = Қазақ тілін таңдағандарға
broadcast-audience-ru = Орыс тілін таңдағандарға
broadcast-audience-en = Ағылшын тілін таңдағандарға
broadcast-confirm = { $count ->
        [one] { $count } адамға
       *[other] { $count } адамға
    } жіберу керек пе ({ $audience })?

    { $text }
broadcast-send = 📨 Жіберу
broadcast-cancelled = Хабарландыру болдырылмады.
broadcast-queued = { $count ->
        [one] { $count } адамға
       *[other] { $count } адамға
    } кезекке қойылды. Платформа шектеулері аясында жіберіледі; барысы /stats ішінде көрінеді.
broadcast-already = Бұл хабарландыру { $status ->
        [queuing] жіберіліп, кезекке қойылып жатыр
        [queued] жіберіліп қойған
       *[cancelled] бас тартылған
    }.
broadcast-queuing = Хабарландыру { $count } адамға кезекке қойылып жатыр… Дайын болғанда хабарлаймын.

## The terminal chat (trying the bot without a platform)
terminal-hint = Бұл — терминалыңыздағы #DoGoodThings боты. Бастау үшін /start деп жазыңыз. Сан батырманы басады; «photo ЖОЛ» не «video ЖОЛ» файл жібереді; Ctrl+D — шығу.
terminal-media = 🖼 { $kind }: { $path }
terminal-file = 📄 { $path } ішіне сақталды
terminal-no-file = Мұндай файл жоқ. Файлдың жолымен «photo ЖОЛ» не «video ЖОЛ» деп жазыңыз.
terminal-next-phase = ⏩ Демо сағаты алға жылжыды: { $phase }.
terminal-last-phase = Демо соңғы кезеңде: нәтижелер.
phase-name-before = өтінім қабылдау басталғанға дейін
phase-name-submissions = өтінім қабылдау жүріп жатыр
phase-name-review = қабылдау жабылды, модераторлар аяқтап жатыр
phase-name-voting = тізім жарияланды, дауыс беру жүріп жатыр
phase-name-results = дауыс беру аяқталды, нәтижелер жарияланды

# Shown on a platform that could not take an entry's photo or video from another platform.
media-not-shown = (Бұл өтінімнің фотосын не бейнесін мұнда көрсету мүмкін болмады.)
media-not-shown-card =
    { media-not-shown }

    { $card }
