## Building blocks
plain = { $value }
lines = { $first }
    { $second }
empty = { "" }
list = { $first }, { $second }
account = { $platform } { $id }
platform-name-telegram = Telegram
platform-name-vk = VK
platform-name-terminal = terminal
platform-name-deleted = deleted account
entry-ref = #{ $number }

## Menu and start
menu-submit = 🙌 Share my good deed
menu-nominate = 🌟 Nominate someone
menu-language = 🌐 Language
menu-mydata = 🔒 My data
start-greeting = Hello! This is { $campaign }, the national contest #DoGoodThings.

    Tell us about a good deed — your own, or someone else's who deserves to be seen — with a photo or a video. Moderators check every entry, the list of participants is published, and everyone can vote.

    { $phase }
help = What I can do:
    /submit — share your good deed
    /nominate — tell us about someone else's good deed
    /vote — see the entries and vote
    /results — the results, once they are announced
    /transparency — how the votes were counted (after the results)
    /notifications — contest announcements on or off
    /language — change the language
    /mydata — what I keep about you
    /deleteme — delete your data
    /cancel — stop writing an entry (what you wrote is deleted)

    { $phase }
draft-resume = You have an entry you have not sent yet. Let's continue where you stopped.
unknown-command = I don't know the command { $command }. Here is what I can do:
text-no-draft = To take part, choose what you want to do:
media-no-draft = Thank you for the picture! To send it to the contest, first choose "Share my good deed" or "Nominate someone".
unsupported-no-draft = I can't use { $what } here. Choose what you want to do:
error-try-again = Sorry, something went wrong on our side. Nothing you entered is lost — please try again in a moment.
error-database-away = Sorry, the bot is briefly unavailable. What you sent is kept and will be handled as soon as the bot is back — there is no need to send it again.

## Phases of the campaign
phase-before = Entries are accepted from { $open } to { $close }.
phase-submissions = Entries are accepted until { $close } inclusive. The list of participants will be published on { $publication }.
phase-review = Entries closed on { $close }. The list of participants will be published on { $publication }.
phase-voting = Voting is open until { $close } inclusive.
phase-closed = Voting has ended. The awards ceremony is on { $gala }, and it airs on { $broadcast } on Channel 7.
submissions-not-yet = Entries are not accepted yet: they open on { $open }.
submissions-closed = Entries closed on { $close }. Thank you for your interest!

## Language
language-choose = Choose your language:
language-name-kk = Қазақша
language-name-ru = Русский
language-name-en = English
language-set = Done: I will speak English with you.

## Buttons
button-cancel = ✖️ Cancel
button-media-done = ✅ Done
button-consent-own = ✅ I agree
button-consent-nomination = ✅ Yes, the person agreed
button-send = 📨 Send
button-edit = ✏️ Edit
button-back = ⬅️ Back
button-stale = This button is from an earlier message and no longer works. Nothing was changed.
button-ok = OK

## Writing an entry
submit-intro = Let's hear about your good deed. It takes a couple of minutes. You can stop at any time and come back later to where you left off; /cancel deletes what you wrote.
nominate-intro = Let's hear about someone else's good deed. You will need their consent to be shown.
draft-in-progress = You already have an entry in progress. Let's finish it first (or /cancel to start over).
ask-nominee = Who is the person? Write their name and a few words about them (for example: "Aigerim, a nurse from Karaganda").
ask-story-own = Tell the story of your good deed: what happened, whom it helped. From { $min } to { $max } characters.
ask-story-nomination = What did this person do? Tell the story: what happened, whom it helped. From { $min } to { $max } characters.
ask-media = Send { $max ->
        [one] one photo
       *[other] from 1 to { $max } photos
    } or one video up to { $mb } MB (as a photo or video, not as a file).
ask-city = In which city or village did it happen?
ask-category = Choose the category:
ask-consent-own = I agree that my story, photo or video and city will be published on the contest's pages and shown for public voting.
ask-consent-nomination = Please confirm that { $nominee } agreed to be shown in the contest with this story and photo or video.
nominee-length = Please write the person's name and a few words about them: from 2 to { $max } characters.
story-too-short = The story is too short ({ $length ->
        [one] { $length } character
       *[other] { $length } characters
    }). Please write at least { $min }.
story-too-long = The story is too long: { $length } characters, while { $max } is the most allowed. Please shorten it and send it again — nothing was saved yet.
city-length = Please write the name of the city or village: from 2 to { $max } characters.
expect-media = Now I need a photo or a video: up to { $max } photos or one video up to { $mb } MB.
use-buttons = Please answer with the buttons below.
media-not-expected = I'm not expecting a photo or video at this step.
media-full = You have already added the maximum of { $max } photos. Press "Done" to continue.
media-photo-added = { $count ->
        [one] Photo received
       *[other] Photos received
    } ({ $count } of { $max }). Send more or press "Done".
media-video-added = Video received.
video-too-large = This video is too large: I accept videos up to { $mb } MB. Please send a shorter or smaller video.
document-not-accepted = You sent { $what }. Please send the picture as a photo or video, not as a file: up to { $max } photos or one video up to { $mb } MB.
unsupported-at-media = You sent { $what }. I need a photo or a video: up to { $max } photos or one video up to { $mb } MB.
unsupported-here = I can't use { $what } at this step.
kind-sticker = a sticker
kind-voice = a voice message
kind-document = a file
kind-audio = an audio file
kind-animation = a GIF
kind-other = a message of this kind
media-count-video = 1 video
media-count-photos = { $count ->
        [one] { $count } photo
       *[other] { $count } photos
    }
summary-own = Please check your entry:

    📍 City: { $city }
    🏷 Category: { $category }
    🖼 { $media }

    { $story }
summary-nomination = Please check your nomination:

    👤 Person: { $nominee }
    📍 City: { $city }
    🏷 Category: { $category }
    🖼 { $media }

    { $story }
edit-choose = What would you like to change?
edit-field-nominee = 👤 Person
edit-field-story = 📝 Story
edit-field-media = 🖼 Photo or video
edit-field-city = 📍 City
edit-field-category = 🏷 Category
media-needed = Please send at least one photo or a video first.
no-draft = You have no entry in progress.
draft-cancelled = Cancelled. Nothing was sent.
submit-thanks = Thank you! Your entry #{ $number } has been sent to the moderators. I will tell you when it is checked. Approved entries are published on { $publication }.

## Moderation
kind-entry-own = own deed
kind-entry-nomination = nomination
mod-card-nominee = { "\u000A" }👤 Person: { $name }
mod-card = 📋 Entry #{ $number } ({ $kind })
    🏷 { $category } · 📍 { $city }{ $nominee }
    ✍️ Author: { $author } ({ $authorRef })

    { $story }

    { $status }
mod-status-pending = ⏳ Waiting for a decision
mod-status-approved = ✅ Approved by { $by } on { $date }
mod-status-rejected = ❌ Rejected by { $by } on { $date }: { $reason }
mod-approve = ✅ Approve
mod-reject = ❌ Reject
mod-change-category = 🏷 Change category
mod-reason-own = ✍️ Write my own reason
reject-reason-1 = The story is not about a good deed
reject-reason-2 = The photo or video does not show the deed
reject-reason-3 = This deed has already been sent
reject-reason-4 = No consent of the person shown
mod-already-decided = This entry has already been decided. { $status }
mod-done-approved = Approved
mod-done-rejected = Rejected
mod-not-allowed = Only the contest's moderators can do this.
mod-entry-gone = This entry no longer exists.
mod-type-reason = Write the reason for rejecting entry #{ $number } in one message (up to { $max } characters). The author will see it as you write it. /cancel to stop.
mod-reason-length = The reason must be from 1 to { $max } characters. Please write it again.
entry-approved = 🎉 Your entry #{ $number } has been approved! It will appear in the list of participants on { $publication }.
entry-rejected = Unfortunately, your entry #{ $number } was not accepted. Reason: { $reason }
entry-category-changed = The moderators moved your entry #{ $number } to the category "{ $category }".

## My data
entry-status-pending = waiting for moderation
entry-status-approved = approved
entry-status-rejected = not accepted
entry-status-published = published
entry-status-hidden = hidden by moderators
entry-status-withdrawn = withdrawn
mydata = This is what I keep about you:
    • Account: { $platform } { $id }{ $name }
    • Language: { $language }; contest announcements: { $announcements }
    • First contact: { $since }
    • { $draft }
    • Entries ({ $count }):
    { $entries }
    • Photos and videos of your entries kept by the bot: { $media }
    • Votes: { $votes ->
        [0] none
        [one] in { $votes } category
       *[other] in { $votes } categories
    }
    • Complaints you made: { $reports }
    • Messages waiting to be sent to you: { $queued }

    { $votesNote }
    Your entries keep the story, city, category and photos or video you sent, and the moderators' decisions. To delete everything: /deleteme
mydata-votes-note = Your votes and complaints are kept only under a one-way code of your account: it does not say who you are, and it stays after /deleteme so that nobody can vote twice in a category or report an entry twice.
mydata-name = { " " }({ $name })
mydata-announcements-on = on
mydata-announcements-off = off
mydata-draft-yes = An unsent entry in progress ({ $kind })
mydata-draft-no = No entry in progress
mydata-no-entries = none
mydata-entry = #{ $number } — { $kind }, { $category }: { $status }
deleteme-confirm = Delete all your data? Entries not yet published will be deleted; published ones will be withdrawn from the contest. This cannot be undone.
deleteme-yes = 🗑 Yes, delete
deleteme-no = No, keep
deleteme-kept = Nothing was deleted.
deleteme-done = Your data has been deleted: { $deleted ->
        [one] { $deleted } entry deleted
       *[other] { $deleted } entries deleted
    }, { $withdrawn } withdrawn. If you write to me again, I will start from scratch.

## Commands (descriptions in the platform's menu)
command-start = Start and learn about the contest
command-submit = Share my good deed
command-nominate = Nominate someone
command-language = Change the language
command-mydata = What the bot keeps about me
command-deleteme = Delete my data
command-cancel = Stop what I am writing
command-help = Help
command-vote = Browse the entries and vote

## Voting
menu-vote = 🗳 Vote
slow-down = Not so fast, please — wait a second and try again.
slow-down-messages = You are sending messages faster than I can read them. Please wait a few seconds: what you send after that will be answered.
entries-pending-limit = You already have { $count ->
        [one] { $count } entry
       *[other] { $count } entries
    } waiting for the moderators. You can send another one once they are checked.
entries-pending-full = The moderators have more entries to check right now than they can take. Please try again in a few hours: what you wrote so far is kept.
voting-not-yet = Voting has not started yet: the list of participants will be published on { $publication }.
vote-choose-category = Choose a category to see its entries and vote. You have one vote in each category and can move it while voting is open.
results-browse = Voting has ended. Choose a category to see its entries.
vote-category = { $name } ({ $count })
vote-category-empty = There are no entries in this category yet.
vote-entry-unavailable = This entry is not available any more.
entry-card = #{ $number } · { $category }{ $place }
    📍 { $city }{ $nominee }{ $votes }

    { $story }
entry-card-place = { " " }· { $index } of { $of }
entry-card-nominee = { "\u000A" }👤 { $name }
entry-card-votes = { "\u000A" }👍 { $count ->
        [one] { $count } vote
       *[other] { $count } votes
    }
vote-button = 👍 Vote
vote-button-mine = ✅ Your vote
button-prev = ◀️ Previous
button-next = Next ▶️
button-share = 🔗 Share
button-report = ⚠️ Report
button-categories = 📂 Categories
vote-not-open = Voting is open from { $publication } to { $close }.
vote-closed = Voting closed on { $close }. Thank you!
vote-own-entry = You cannot vote for your own entry.
vote-join-channel = To vote, please join { $channel } first, then press the button again.
vote-counted = Your vote for #{ $number } is counted!
vote-already = You have already voted for #{ $number }.
vote-moved = Your vote moved from #{ $from } to #{ $to }.
share-post = 🌟 Support entry #{ $number } in the category "{ $category }" of the Acts of Kindness contest! Vote here: { $link } #DoGoodThings
entry-published = 🎉 Your entry #{ $number } is published and voting is open! Share this link so people can vote for it: { $link }
channel-post = #{ $number } · { $category }
    📍 { $city }{ $nominee }

    { $story }

    #DoGoodThings
button-vote-in-bot = 👍 Vote
link-welcome = Welcome to { $campaign } — the Acts of Kindness contest #DoGoodThings! Here is the entry you were sent:
link-entry-unavailable = This entry is not available. Here is what you can do:

## Complaints
report-choose = What is wrong with entry #{ $number }?
report-reason-1 = It is not about a good deed
report-reason-2 = Offensive or inappropriate
report-reason-3 = It uses my photo or story without consent
report-reason-4 = Fake or copied
report-thanks = Thank you, the moderators will look at it.
report-already = You have already reported this entry.
mod-report-card = ⚠️ Complaint about entry #{ $number } ({ $category }): { $reason }

    { $story }
mod-hide = 🙈 Hide
mod-show = 👁 Restore
mod-hidden = Entry #{ $number } is hidden.
mod-restored = Entry #{ $number } is restored.
mod-visibility-unchanged = Entry #{ $number } is { $status }: nothing to change.
mod-visibility-status = Entry #{ $number }: { $status } ({ $by })
entry-hidden = Your entry #{ $number } was hidden by the moderators after a complaint. Its votes do not count while it is hidden.
entry-restored = Your entry #{ $number } is visible again, and its votes count.
mod-command-usage = Write { $command } with an entry number, for example: { $command } 12
pending-list = Entries waiting for a decision: { $count }, oldest first. Choose one to see its card:
pending-none = No entries are waiting for a decision.
pending-item = #{ $number } · { $category } · { $city }
button-more = More ▶️
mod-signals = Entry #{ $number }: { $total ->
        [one] { $total } vote
       *[other] { $total } votes
    }; from accounts new to the bot (under 10 minutes): { $newAccounts }; cast in bursts (10 or more within a minute): { $inBursts }. These are signals for a person to look at, not proof.

## Announcements (the campaign clock)
announce-submissions-open = 📣 Entries for the Acts of Kindness contest #DoGoodThings are open until { $close }! Tell us about a good deed — yours or someone else's — with a photo or a video: /submit
announce-submissions-closing = ⏰ Only a few days left: entries close on { $close }. If you have a good deed to tell us about, now is the time: /submit
announce-voting-open = 🗳 The list of participants is published and voting is open until { $close }! Choose your favourite in each category.
announce-gala = 🎉 The awards ceremony of the Acts of Kindness contest is today at { $time }. The results will be announced there.
announce-results = 🏆 The results of the Acts of Kindness contest #DoGoodThings:

    { $results }
announce-broadcast = 📺 The awards ceremony airs on { $date } on Channel 7. Don't miss it!
result-for-author = 🏆 Your entry #{ $number } in "{ $category }" came { ORDINAL($place) ->
        [one] { $place }st
        [two] { $place }nd
        [few] { $place }rd
       *[other] { $place }th
    } of { $of } with { $votes ->
        [one] { $votes } vote
       *[other] { $votes } votes
    }. Thank you for your good deed!

## Results
results-row = { $place }. #{ $number } — { $votes ->
        [one] { $votes } vote
       *[other] { $votes } votes
    }
results-tie = ⚠️ Tie for { ORDINAL($place) ->
        [one] { $place }st
        [two] { $place }nd
        [few] { $place }rd
       *[other] { $place }th
    } place: { $numbers } — the organisers decide.
results-category = 🏷 { $category }
    { $rows }{ $ties }
results-ties = { "\u000A" }{ $ties }
results-no-entries = no entries
results-not-yet = The results will be announced at the awards ceremony on { $gala } at { $time }.
results-header-final = Final results (voting closed on { $close }):
results-header-live = Live count on { $date } (not final; stage: { $phase }):
results-frozen = Voting has closed and the results are frozen. { $ties ->
        [0] No ties for prize places.
        [one] ⚠️ One tie for a prize place needs your decision.
       *[other] ⚠️ { $ties } ties for prize places need your decision.
    }

    { $results }

## Notifications
notifications-on = Contest announcements are on: I will tell you when voting opens, the results and the ceremony. Decisions about your own entry always arrive.
notifications-off = Contest announcements are off. Decisions about your own entry still arrive.
notifications-turn-off = 🔕 Turn announcements off
notifications-turn-on = 🔔 Turn announcements on
command-notifications = Announcements on or off
command-results = The results

## Organisers
stats = 📊 Entries by status:
    { $byStatus }
    By category:
    { $byCategory }
    By platform:
    { $byPlatform }
    People who used the bot: { $users }
    Voters: { $voters }, votes: { $votes }
    Messages: { $pending } waiting, { $sent } sent, { $failed } failed
stats-row = • { $name }: { $count }
broadcast-ask = Write the announcement in one message. Next you will choose who gets it. /cancel to stop.
broadcast-length = The announcement must be from 1 to { $max } characters.
broadcast-preview = This is how it will look:

    { $text }

    Who should get it?
broadcast-audience-all = 👥 Everyone
broadcast-audience-kk = Those who use Kazakh
broadcast-audience-ru = Those who use Russian
broadcast-audience-en = Those who use English
broadcast-confirm = Send to { $count ->
        [one] { $count } person
       *[other] { $count } people
    } ({ $audience })?

    { $text }
broadcast-send = 📨 Send
broadcast-cancelled = Announcement cancelled.
broadcast-queued = Queued for { $count ->
        [one] { $count } person
       *[other] { $count } people
    }. It goes out within the platform's limits; /stats shows the progress.
broadcast-already = This announcement was already { $status ->
        [queuing] sent and is being queued
        [queued] sent
       *[cancelled] cancelled
    }.
broadcast-queuing = Queuing the announcement for { $count ->
        [one] { $count } person
       *[other] { $count } people
    }… I will tell you when it is queued.

## The terminal chat (trying the bot without a platform)
terminal-hint = This is the #DoGoodThings bot in your terminal. Type /start to begin. A number presses a button; "photo PATH" or "video PATH" sends a file; Ctrl+D quits.
terminal-media = 🖼 { $kind }: { $path }
media-kind-photo = Photo
media-kind-video = Video
terminal-file = 📄 Saved to { $path }
terminal-no-file = There is no such file. Write "photo PATH" or "video PATH" with the path to a file.
terminal-next-phase = ⏩ The demo's clock moved on: { $phase }.
terminal-last-phase = The demo is at its last phase: the results.
terminal-demo-new = 🎬 A new demo: a contest around today's date, with { $entries } entries by other people. /nextphase moves its clock to the next phase; /restartdemo starts the demo over. The demo keeps a database of its own, apart from a real contest's.
terminal-demo-resumed = 🎬 The demo goes on where you left it: { $phase } (the demo's date: { $date }). /nextphase moves its clock on; /restartdemo starts the demo over.
terminal-demo-restarted = 🎬 The demo starts over: what it held is erased, its clock is back at today, and { $entries } entries by other people are waiting to be published.
phase-name-before = before entries open
phase-name-submissions = entries are open
phase-name-review = entries closed, moderators finish
phase-name-voting = the list is published, voting is open
phase-name-closed = voting closed, the results are announced

# Shown on a platform that could not take an entry's photo or video from another platform.
media-not-shown = (This entry's photo or video could not be shown here.)
media-not-shown-card =
    { media-not-shown }

    { $card }

## A result that can be defended: the vote analysis, voids and the audit log (moderators)
date-time = { $date } { $time }
fraud-report = 🔎 Vote analysis of { $votes } counted votes ({ $at }). Entries with votes in proposed clusters, most first:

    { $entries }

    A cluster is a question for a person, not proof: families share phones, offices share networks. To take a cluster's votes out of the count: /void cluster CODE reason. Also: /void voter telegram:ID reason, /void entry NUMBER YYYY-MM-DD HH:MM-HH:MM reason. All clusters as CSV: /fraud csv
fraud-none = 🔎 Vote analysis of { $votes } counted votes: no clusters of organised voting found.
fraud-entry = #{ $number } · { $category }: fraud index { $index } — { $suspicious } of { $votes } votes in clusters
fraud-cluster = • cluster { $code }: { $size } votes; { $signals }{ $ids }; { $from }–{ $to }
fraud-cluster-ids = ; { $platform } ids { $from }–{ $to }
fraud-signal-id-run = consecutive account ids
fraud-signal-new-account = accounts new to the bot
fraud-signal-same-link = arrived by this entry's link and voted for nothing else
fraud-signal-foreign-client = client in an unexpected language
fraud-signal-burst = a burst of votes
fraud-usage = /fraud shows the latest vote analysis (the scheduled one, or one run now), /fraud now runs a new one, /fraud csv gives the latest as CSV files.
fraud-alert = 🔎 The scheduled vote analysis found { $clusters } clusters holding { $votes } votes (most at #{ $top }). See them with /fraud.
void-usage = To void votes, name them and give a reason:
    /void cluster CODE reason — a cluster from /fraud (such as 12-3)
    /void voter telegram:ID reason — one account's votes
    /void entry NUMBER YYYY-MM-DD HH:MM-HH:MM reason — an entry's votes in a time window (the campaign's time zone)
    /void left reason — the votes of voters who left the channel (flagged before the close)
void-what-left = the votes of voters who left the channel before the close
void-reason-left = the voter left the channel before voting closed
recheck-flagged = ⚠️ { $votes ->
        [one] { $votes } vote comes
       *[other] { $votes } votes come
    } from voters who left the channel before the close. They still count; to void them: /void left reason
recheck-voided = 🚫 { $votes ->
        [one] { $votes } vote
       *[other] { $votes } votes
    } from voters who left the channel before the close were voided, as the campaign rules say.
void-reason-needed = Please give a reason (at least 3 characters): it goes into the audit log and the transparency report.
void-too-late = The results are announced: votes can no longer be voided or restored.
void-nothing = No counted votes match { $what }. Nothing was changed.
void-what-cluster = cluster { $code }
void-what-voter = the votes of { $account }
void-what-entry = the votes for #{ $number } from { $from } to { $to }
void-done = 🚫 Void { $id }: { $votes ->
        [one] { $votes } vote
       *[other] { $votes } votes
    } ({ $what }) no longer count. Reason: { $reason }
    They stay stored, marked. To undo: /unvoid { $id } reason
unvoid-usage = To count a void's votes again: /unvoid NUMBER reason
unvoid-unknown = There is no void { $id }.
unvoid-already = Void { $id } was already undone.
unvoid-done = ↩️ Void { $id } undone: { $votes ->
        [one] { $votes } vote counts
       *[other] { $votes } votes count
    } again.
audit-empty = The audit log is empty: no votes have been voided.

## Transparency (everyone, after the results)
transparency-report = 📊 How the votes were counted

    { $categories }

    { $voided }
transparency-category = 🏷 { $category }: { $counted ->
        [one] { $counted } vote counted
       *[other] { $counted } votes counted
    } from { $voters ->
        [one] { $voters } voter
       *[other] { $voters } voters
    }; { $voided } voided
transparency-reasons = Votes voided by the moderators, by reason:
    { $reasons }
transparency-reason = • { $reason }: { $votes }
transparency-no-voids = No votes were voided.
command-transparency = How the votes were counted

## The jury
jury-intro = ⚖️ You are on the jury. Score each finalist from 1 to 10 with the buttons under its card. Nobody else sees your scores, and you can change them until the results are announced on { $gala } at { $time }.
jury-category = 🏷 { $category }: { $count ->
        [one] { $count } finalist
       *[other] { $count } finalists
    }
jury-card = { $card }

    { $score }
jury-your-score = ⚖️ Your score: { $score }
jury-not-scored = ⚖️ Not scored yet
jury-score-button = { $score }
jury-score-button-mine = ✅ { $score }
jury-scored = Your score for #{ $number }: { $score }
jury-not-member = Only members of the jury can score entries.
jury-closed = The jury scores the finalists from the close of voting until the results are announced on { $gala }.
jury-score-range = A score is a whole number from 1 to 10.
jury-not-finalist = This entry is not among the finalists.
jury-invite = ⚖️ Voting has closed. As a member of the jury, please score the finalists before the awards ceremony on { $gala } at { $time }: /jury
results-row-jury = { $place }. #{ $number } — { $votes ->
        [one] { $votes } vote
       *[other] { $votes } votes
    }, jury { $jury }
results-how-jury = How the ranking was formed: the top { $finalists } of each category by public vote are ranked { $public }% by their share of the public vote and { $jury }% by their share of the jury's scores ({ $jurors ->
        [one] { $jurors } juror
       *[other] { $jurors } jurors
    }); the other entries follow by votes.

## Sharing a phone number before voting (rules.requirePhone, Telegram)
phone-needed = Before your first vote, please share your phone number: one number votes once in each category.
phone-ask = 📱 To vote, share your phone number with the button below. Only a coded fingerprint of it is kept, never the number itself, and nobody sees it.
phone-button = 📱 Share my phone number
phone-not-needed = This contest does not ask for a phone number.
phone-not-own = Please share your own number with the button below the message, not someone else's contact.
phone-country = This contest accepts numbers of its own country only.
phone-thanks = ✅ Thank you! You can vote now: press Vote on the entry again.
button-more-choices = More ▶️ ({ $page }/{ $pages })

## The website
web-languages = Languages
web-category = Category
web-all-categories = All categories
web-city = City
web-number = Entry number
web-show = Show
web-empty = No entries match yet.
web-results-link = 🏆 The results
web-results-title = Results
web-back = ← All entries
web-tile = #{ $number } · { $category }
web-entry-title = Entry #{ $number } · { $category }
web-entry-alt = Photo of entry #{ $number }, { $category }
web-entry-meta = 📍 { $city } { $nominee }
web-votes = 👍 { $count ->
        [one] { $count } vote
       *[other] { $count } votes
    }
web-vote-in = 👍 Vote in { $platform }
web-share = Share in { $platform }
web-not-found = This page does not exist, or the entry is not public.
web-my-votes = My votes
web-my-votes-none = You have not voted yet.
web-app-outside = Open this page from the bot in Telegram to vote here, or use the bot.
web-app-refused = Telegram's launch data could not be checked. Please open the gallery again from the bot.
web-app-menu = Gallery
terminal-site = 🌐 The contest's website, with the entries and the results: { $url }
web-submit-title = ✍️ Tell about a good deed
web-submit-kind = Whose good deed?
web-submit-nominee = The person (for a nomination): their name and a few words about them
web-submit-files = Photos (up to 5) or one video
web-submit-story = What happened
web-submit-consent = I agree to the contest's rules: my story, photo or video and city may be published, and the person nominated agreed to be shown.
web-submit-too-large = The files are too large: { $mb } MB at the most at once.
web-consent-needed = Please confirm your consent: without it the entry cannot be sent.
web-file-type = Only photos (JPEG, PNG, WebP) and MP4 videos can be sent.
button-open-app = 🖼 Gallery

## The organisers' panel
panel-link = 🔐 Your link into the organisers' panel (it works once, for 10 minutes; do not pass it on): { $url }
panel-unavailable = The panel is not available: the website is not running here.
panel-title = Organisers' panel
panel-queue = Waiting for a decision: { $count }
panel-queue-empty = No entries are waiting for a decision.
panel-select-all = Select all
panel-approve = ✅ Approve selected
panel-reject = ❌ Reject selected with the reason:
panel-sign-out = Sign out
panel-signed-out = You are signed out. Ask the bot for a new link with /panel.
panel-refused = This link has been used or has expired. Ask the bot for a new one with /panel.
panel-forbidden = The form was not sent from the panel. Nothing was changed.
panel-outcomes = What happened:
panel-entry-meta = 📍 { $city } · by { $who } on { $platform }
panel-outcome = #{ $number }: { $said }
terminal-panel = 🔐 The organisers' panel, for you as the demo's moderator (the link works once, for 10 minutes; /panel gives a new one): { $url }
panel-dashboard = 📊 The contest in figures
panel-totals = People: { $users } · voters: { $voters } · votes counted: { $votes }
panel-chart-status = Entries by status
panel-chart-category = Entries by category
panel-chart-platform = Entries by platform
panel-signed-in = Signed in as { $who } ({ $role })
panel-role-organiser = organiser
panel-role-moderator = moderator
panel-menu = The panel's pages
panel-nav-queue = 🗂 Queue
panel-nav-complaints = 🚩 Complaints
panel-nav-fraud = 🔎 Vote analysis
panel-nav-dashboard = 📊 Figures
panel-nav-timeline = 🗓 Timeline
panel-nav-results = 🏆 Results
panel-nav-exports = ⬇️ Exports
panel-nav-broadcast = 📣 Announcement
panel-broadcast-text = The announcement
panel-broadcast-audience = Who gets it:
panel-broadcast-preview = Count the recipients
panel-organisers-only = This page is for the contest's organisers.
panel-shortcuts = Keys: j and k move between entries, x selects one, a approves it, r rejects it with the reason chosen on it.
panel-own-reason = or a reason in your own words
panel-move-to = Move to this category
panel-move-selected = Move the selected to this category
panel-nominee = Nominee: { $nominee }
panel-category-changed = Moved to { $category }
panel-complaints-none = Nobody has complained about an entry.
panel-complaints-count = Complaints: { $count }
panel-fraud-run = Analysis { $run } of { $votes } counted votes, { $at }.
panel-fraud-none = The votes have not been analysed yet.
panel-fraud-analyse = Analyse the votes now
panel-fraud-analysed = The votes were analysed again.
panel-void-reason = Reason (for the audit log)
panel-void = 🚫 Void
panel-undo = ↩️ Count again
panel-audit = Audit log
panel-audit-void = Void { $id }, { $at }, by { $by }: { $what }, { $votes } votes. Reason: { $reason }
panel-audit-undo = Void { $id } undone, { $at }, by { $by }: { $votes } votes count again. Reason: { $reason }
panel-fraud-cluster = Cluster
panel-fraud-entry = Entry
panel-fraud-votes = Votes
panel-fraud-signals = Signals
panel-fraud-span = When
panel-exports-intro = The same files as /export, /audit and /fraud csv in the bot (cells that a spreadsheet would run as a formula are neutralised).
panel-export-entries = Entries (CSV)
panel-export-votes = Votes (CSV)
panel-export-results = Results (CSV)
panel-export-audit = Audit log (CSV)
panel-export-clusters = Vote clusters (CSV)
panel-export-cluster-voters = Accounts in the clusters (CSV)
panel-results-title = { $campaign }: results
panel-results-final = Final results, frozen at the close of voting ({ $at }).
panel-results-live = Live standings as of { $at }: not final.
panel-print = 🖨 Print
panel-results-place = Place
panel-results-jury = Jury
panel-results-about = Who, where
panel-results-tie = tie
panel-top-embargo = The best-placed entries are shown here once the results are announced ({ $date }, { $time }).
panel-sent-per-second = Messages sent a second, lately: { $rate }
panel-refreshing = Voting is open: this page refreshes itself every { $seconds } seconds.
panel-chart-day-platform = Entries a day, by platform
panel-chart-day-category = Entries a day, by category
panel-chart-votes-hour = Votes an hour ({ $zone })
panel-chart-voters = Voters by platform and language
panel-chart-top = Best-placed entries per category
panel-chart-opt-outs = People who stopped hearing from us
panel-outbox-pending = waiting
panel-outbox-sent = sent
panel-outbox-failed = not delivered
panel-outbox-rateLimited = refused for the rate (429)
panel-opt-optedOut = turned announcements off
panel-opt-unreachable = blocked the bot
panel-time-zone = Times are in { $zone }.
panel-phase-now = Now: { $phase }
panel-phase-submissions = Entries
panel-phase-voting = Voting
panel-phase-gala = Gala
panel-phase-broadcast = Broadcast
panel-event-submissions-opened = Announcement: entries are open
panel-event-submissions-closing = Reminder: entries close soon
panel-event-voting-opened = Announcement: voting is open
panel-event-voting-closed = Voting closes; results frozen
panel-event-gala-day = Reminder: the gala is today
panel-event-results-announced = The results are announced
panel-event-broadcast-day = Reminder: the broadcast is today
panel-event-state-done = ✅ went out { $at }
panel-event-state-skipped = ⏭ skipped (the bot was not running in time)
panel-event-state-running = ⏳ going out now
panel-event-state-due = ⏳ due: goes out within a minute
panel-event-state-upcoming = planned
panel-chart-outbox = Messages: waiting, sent, not delivered, refused for the rate
panel-chart-empty = Nothing to draw yet.
