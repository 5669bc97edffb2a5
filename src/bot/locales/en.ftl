# English interface strings, for users whose Telegram language is not Arabic. Telegram HTML.
# Same keys as ar.ftl; see there for how variables arrive (escaped, user text isolated).

## General

apology = Sorry, something went wrong. Please try again in a moment.
slow-down = Too many messages in a short time. Please wait a little and try again.
button-expired = This button has expired
welcome =
    👋 Welcome to <b>Tanbih</b>.
    Follow the countries, regions, conflicts and people you care about,
    and get a short Arabic alert the moment a story about them is published.
help =
    <b>Tanbih</b> sends you news about the topics you follow as soon as it is published.

    Type the name of any country, region or person to search (e.g. Armenia, Caucasus).
    /start pick topics from the menu
    /follow name — follow a topic, /unfollow name — stop following it
    /mytopics your topics, /latest the latest news
    /why in reply to an alert — why you got it
    /pause pause alerts, /resume resume them
    /settings delivery, quiet hours, time zone and language
    /timezone your time zone, e.g. /timezone Asia/Riyadh
    /channels link a channel you run, /stop unfollow everything

## Topic picker

category-countries = Countries
category-regions = Regions
category-conflicts = Conflicts
category-people = People
category-themes = Themes
picker-choose = Pick a category, or type the name of any topic to search:
picker-choose-for = Topics of “{ $title }”: pick a category.
picker-page =
    <b>{ $category }</b> ({ $page }/{ $pages })
    Tap a topic to follow or unfollow it.
picker-page-for =
    “{ $title }” — <b>{ $category }</b> ({ $page }/{ $pages })
    Tap a topic to follow or unfollow it.
picker-empty = No topics in this category yet.
picker-back = ↩️ Categories
picker-prev = ← Previous
picker-next = Next →
picker-done = ✔️ Done

## Following

follow-followed = ✅ You now follow “{ $name }”.
follow-already = You already follow “{ $name }”.
follow-unfollowed = You no longer follow “{ $name }”.
follow-not-following = You do not follow “{ $name }”.
follow-too-many = You reached the limit ({ $limit ->
        [one] { $limit } topic
       *[other] { $limit } topics
    }). Unfollow some with /mytopics.
follow-unknown = That topic is no longer available. Please search again.
follow-usage-follow = Type the topic after the command, e.g. /follow Armenia
follow-usage-unfollow = Type the topic after the command, e.g. /unfollow Armenia
follow-keyword-button = ➕ Follow “{ $words }” as a keyword
follow-keyword-expired = This button has expired. Please type the words again.

## Search

search-results = Results for “{ $query }”: tap to follow a topic.
search-none = No topic called “{ $query }”. You can follow the words themselves: every story that mentions them will reach you.
search-no-keyword = No topic called “{ $query }”. Try another name, or fewer words (at most six, one of two letters or more).
search-too-long = Your message is long ({ $length ->
        [one] { $length } character
       *[other] { $length } characters
    }). Type a topic name in at most { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }.
search-no-words = I found no words in your message. Type a topic name, e.g. Armenia.

## Refusals

refusal-not-admin = Sorry, only the group’s admins can change its topics.
refusal-not-linked = This channel is not linked to you, or you are no longer its admin. See /channels.
refusal-no-chat = That cannot be done here.

## /mytopics, /latest, /why

mytopics-header =
    <b>Your topics ({ $count })</b>
    Tap a topic to unfollow it.
mytopics-empty = You follow no topics yet. Send /start to pick some, or type a topic name.
mytopics-unfollow-button = ❌ { $name }
latest-header = <b>Latest news in your topics</b>
latest-header-topic = <b>Latest on “{ $topic }”</b>
latest-empty = No news in these topics yet.
latest-unknown-topic = No topic called “{ $query }”.
why-need-reply = Send /why as a reply to an alert and I will explain why you got it.
why-unknown = I do not know that message: it may not be an alert, or it is more than a week old.
why-header =
    <b>Why did you get this alert?</b>
    { $title }
why-line = 🏷 { $topic }: the story mentions { $words }
why-word = “{ $word }”
why-separator = {", "}
why-also-reported = 📰 Also reported by: { $outlets }
latest-also-reported = {"  "}📰 Also reported by: { $outlets }

## /pause, /resume

pause-choose = Pause alerts for:
pause-hours = { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }
pause-paused = ⏸ Alerts paused until { $until }. Send /resume to resume.
pause-resumed = ▶️ Alerts resumed.

## /settings

settings-home =
    <b>Settings</b>
    Delivery: { $delivery }
    Quiet hours: { $quiet }
    Time zone: { $zone }
    Language: { $language }
settings-instant = ⚡ Instant
settings-hourly = 🕐 Hourly digest
settings-daily = 📅 Daily digest
settings-daily-at = 📅 Daily digest at { $hour }:00
settings-quiet-off = off
settings-quiet = { $from }–{ $to }
settings-quiet-button = 🌙 Quiet hours
settings-zone-button = 🕓 Time zone
settings-language-button = 🌐 العربية
settings-choose-hour = At what hour do you want the daily digest?
settings-choose-quiet = No alerts arrive during quiet hours; they come together when the hours end.
settings-choose-zone = Pick your time zone, or send it like this: /timezone Europe/Paris
settings-zone-set = 🕓 Time zone is now “{ $zone }”.
settings-zone-invalid = “{ $zone }” is not a known time zone. A valid one: /timezone Asia/Riyadh
settings-zone-usage = Type the zone after the command, e.g. /timezone Africa/Cairo
settings-saved = ✔️ Saved

## /stop

stop-confirm = Unfollow every topic? No alerts will reach you afterwards.
stop-yes = Yes, unfollow all
stop-no = No
stop-done = { $count ->
        [0] You followed no topics.
        [one] Unfollowed { $count } topic.
       *[other] Unfollowed { $count } topics.
    } No alerts will arrive. Send /start any time.
stop-kept = Nothing changed.

## Groups and channels

group-added = Thanks for adding me! The group’s admins can pick its topics with /start or /follow.
channels-intro = To link a channel you run: make me an admin there, then send /channels @channel_name here, or forward one of its posts.
channels-list = <b>Your linked channels ({ $count })</b>
channels-manage-button = ⚙️ { $title }
channels-unlink-button = 🔗 Unlink
channels-linked = ✅ Linked “{ $title }”. Pick its topics:
channels-unlinked = Channel unlinked.
channels-not-found = I could not find that channel. Check the name and that I am an admin there.
channels-bot-not-admin = I am not an admin of that channel. Make me one and try again.
channels-user-not-admin = You need to be an admin of the channel to link it.

## Command menu (setMyCommands)

command-start = Start and pick topics
command-mytopics = Your topics
command-follow = Follow a topic
command-unfollow = Unfollow a topic
command-latest = Latest news
command-why = Why you got an alert (reply to it)
command-pause = Pause alerts
command-resume = Resume alerts
command-settings = Settings
command-timezone = Your time zone (e.g. Asia/Riyadh)
command-channels = Your channels
command-stop = Unfollow everything
command-help = Help
command-broadcast = Broadcast a message to subscribers
command-feeds = Feeds and their health
command-ingest = Ingest an article by hand
command-stats = Statistics
command-cancel = Leave the current dialogue

## Admin

admin-refusal = Sorry, this command is for the bot’s administrators only.
admin-private-only = Admin commands work in a private chat with the bot.
admin-cancelled = Cancelled.
admin-expired = This draft has expired. Start again.

broadcast-ask-content =
    📣 Send the message to broadcast: formatted text, or a photo or video with a caption.
    /cancel to stop.
broadcast-not-content = That cannot be broadcast. Send text, a photo, a video, a document or an audio message.
broadcast-preview-note = 👆 This is exactly what recipients will see.
broadcast-panel =
    <b>📣 Broadcast</b>
    Audience: { $audience } — <b>{ $recipients }</b> { $recipients ->
        [one] recipient
       *[other] recipients
    }
    Breaking (عاجل): { $breaking ->
        [yes] 🔴 yes
       *[no] no
    }
broadcast-everyone = everyone
broadcast-followers-of = followers of { $names }
broadcast-ask-topics = Tap topics to add or remove them, or type topic names separated by commas.
broadcast-topics-not-found = No topic found for: { $words }
broadcast-button-everyone = 👥 Everyone
broadcast-button-topics = 🏷 By topics
broadcast-button-breaking-on = 🔴 Breaking: on
broadcast-button-breaking-off = ⚪ Breaking: off
broadcast-button-send = ✅ Send to { $recipients }
broadcast-button-cancel = ✖ Cancel
broadcast-button-done = ✔ Done
broadcast-no-recipients = Nobody would receive it: pick another audience.
broadcast-progress =
    { $breaking ->
        [yes] 🔴 {""}
       *[no] {""}
    }📣 Broadcast <code>{ $id }</code> is sending
    Sent: { $sent } · Failed: { $failed } · Blocked: { $blocked } · Remaining: { $remaining } of { $total }
    Rate: { $rate }/s · Time left: { $left }
broadcast-final =
    { $cancelled ->
        [yes] ⛔ Broadcast cancelled
       *[no] ✅ Broadcast finished
    } <code>{ $id }</code>
    Sent: { $sent } · Failed: { $failed } · Blocked: { $blocked }{ $unsent ->
        [0] {""}
       *[other] {" · "}Not sent: { $unsent }
    } (of { $total })
broadcast-stop = ⛔ Cancel broadcast
broadcast-stopping = Cancelling: nothing more will be sent.
broadcast-already-over = This broadcast is already over.

feeds-header = <b>📰 Feeds ({ $count })</b>
feeds-empty = No feeds yet.
feeds-line =
    { $paused ->
        [yes] ⏸
       *[no] ▶️
    } <b>{ $name }</b> — every { $minutes ->
        [one] minute
       *[other] { $minutes } minutes
    }
    { $url }
    Last success: { $success } · Items seen: { $seen }
feeds-never = never
feeds-line-error = ⚠️ Last error ({ $at }): { $error }
feeds-usage =
    Add a feed: <code>/feeds add URL | name | time zone | interval in minutes</code>
    e.g. <code>/feeds add https://example.com/rss.xml | الجزيرة | Asia/Qatar | 5</code> (zone and interval optional).
    Or just the site's address (<code>/feeds add https://example.com</code>) and I will look for its feeds.
    <code>/feeds export</code> sends them as an OPML file; <code>/feeds import</code> reads one.
feeds-discover-found = This page announces { $count ->
        [one] one feed
       *[other] { $count } feeds
    }. Choose the one to add:
feeds-export-caption = 📤 { $count ->
        [one] { $count } feed
       *[other] { $count } feeds
    } as OPML, with each one's time zone and interval.
feeds-export-empty = There are no feeds to export.
feeds-import-ask = Send an OPML file (what feed readers export) and I will import its feeds.
feeds-import-done = 📥 Import: { $added } added, { $skipped } skipped (already there or repeated), { $broken } unusable.
feeds-import-broken = • { $outline }: { $reason }
feeds-import-failed = Cannot import the file: { $reason }
feeds-discover-none = This page announces no RSS or Atom feed. Send the feed's own address.
feeds-discover-failed = Cannot read that address: { $reason }
feeds-added = Feed added: <b>{ $name }</b>. Its current items are marked seen; new ones will alert.
feeds-invalid = Cannot add the feed: { $reason }
feeds-removed = Feed removed.
feeds-paused = Feed paused.
feeds-resumed = Feed resumed.
feeds-gone = That feed no longer exists.
feeds-button-pause = ⏸ Pause { $name }
feeds-button-resume = ▶️ Resume { $name }
feeds-button-remove = 🗑 Remove { $name }
feeds-button-add = ➕ Add a feed

ingest-ask-content =
    📝 Paste or forward the article (headline on the first line).
    /cancel to stop.
ingest-preview =
    👆 The alert as followers will see it.
    Topics: { $topics }
    Audience: <b>{ $recipients }</b> { $recipients ->
        [one] chat
       *[other] chats
    }
ingest-no-match = No topic matched: nobody would be alerted.
ingest-rejected = The article cannot be used: { $reason }
ingest-duplicate = This story was already ingested: it will not alert again.
ingest-stale = ⏳ Old news: published more than { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    } ago, so it would not alert by itself. Send it anyway?
ingest-send = ✅ Send to { $recipients }
ingest-cancel = ✖ Cancel
ingest-queued = ✅ Queued for { $recipients } { $recipients ->
        [one] chat
       *[other] chats
    }.

stats-title = <b>📊 Statistics</b>
stats-followers = Chats: { $total } (active { $active }, inactive { $inactive })
stats-inactive = {"  "}• { $reason }: { $count }
stats-top-topics = <b>Top topics</b>
stats-topic = {"  "}• { $name }: { $count }
stats-last-24h = Last 24 h: { $alerts } { $alerts ->
        [one] alert
       *[other] alerts
    }, { $messages } { $messages ->
        [one] message
       *[other] messages
    }
stats-queues = Queue { $queue }: waiting { $waiting }, delayed { $delayed }, active { $active }, failed { $failed }
stats-rate = Send rate: { $rate } msg/s
stats-last-errors = <b>Last errors</b>
stats-error = {"  "}• { $at }: { $message }
stats-none = {"  "}—
stats-unavailable = Statistics are unavailable right now (storage unreachable).
