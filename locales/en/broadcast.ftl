command-broadcast = Send a notice to members
command-broadcasts = Sent notices: delivery and who has read them

## Composing
broadcast-abort = ✖ Cancel
broadcast-choose-scope = Send the notice on behalf of which organization?
broadcast-choose-where = "{ $org }": which part of it?
broadcast-where-scope = All of it (this organization and everything below)
broadcast-where-branches = Choose branches (several allowed)
broadcast-where-group = One party group
broadcast-choose-branches = Tap the branches to include (several allowed), then "Done".
broadcast-branches-done = ✅ Done ({ $count } chosen)
broadcast-choose-group = Choose the party group:
broadcast-choose-who = Which people?
broadcast-who-secretaries = Secretaries and deputies
broadcast-who-officers = Branch committees (secretaries, deputies, committee members)
broadcast-who-party = All party members (probationary included)
broadcast-who-everyone = Everyone (residents included)
broadcast-audience = { $where } · { $who }
broadcast-ask-content =
    To: { $audience }
    Send the notice: text, a photo, a document or a voice message (photos, documents and voice may have a caption).
broadcast-ask-urgent = Is it urgent? A normal notice waits out quiet hours ({ $quiet }) until the morning; an urgent one goes out at once.
broadcast-urgent-no = Normal (respects quiet hours)
broadcast-urgent-yes = ⚠️ Urgent (send at once)
broadcast-preview-title = 👀 Preview: recipients will see the message above.
broadcast-preview-audience = To: { $audience }
broadcast-preview-count = Recipients: { $count }
broadcast-preview-offline = { $count } more are not on Telegram yet and will not get it.
broadcast-preview-now = When: right after you confirm.
broadcast-preview-held = When: it is quiet hours now, so at { $time }.
broadcast-preview-urgent = ⚠️ Urgent notice
broadcast-preview-nobody = Nobody in this audience can receive the notice; cancel and choose another audience.
broadcast-confirm = ✅ Send
broadcast-edit = ✏️ Change the content
broadcast-queued = ✅ Notice #{ $id } queued for { $count } people. Progress is in the message below; /broadcasts shows who has read it.
broadcast-progress-queued = ⏳ Sending the notice: { $count } recipients queued.
broadcast-progress-held = ⏳ Notice queued for { $count } recipients; it goes out at { $time } (quiet hours).

## Errors
broadcast-error-audience = That audience is not valid; please choose again.
broadcast-error-no-branches = Choose at least one branch.
broadcast-error-empty = The notice cannot be empty.
broadcast-error-too-long = The notice is too long ({ $length } characters, at most { $max }). Please shorten it and send it again.
broadcast-error-caption-too-long = The caption is too long ({ $length } characters, at most { $max }).
broadcast-error-content-type = Only text, a photo, a document or a voice message can be sent.
broadcast-error-urgent = Only an organization department admin may send urgent notices.
broadcast-error-nobody = Nobody can receive this notice.
broadcast-error-ack-stale = This notice no longer exists or the button has expired.
broadcast-error-ack-foreign = Only the person who received the notice can tap this button.

## Recipients
broadcast-header = 📢 Notice from { $org }
broadcast-header-urgent = ⚠️ Urgent notice from { $org }
broadcast-ack-button = ✅ Received / studied
broadcast-ack-button-done = ✔ Studied
broadcast-ack-recorded = Recorded, thank you!
broadcast-ack-already = Already recorded.

## Sent notices
broadcasts-none = You have not sent any notices yet. Send /broadcast to start.
broadcasts-header = Your recent notices (tap one for details):
broadcast-content-photo = [photo]
broadcast-content-document = [document]
broadcast-content-voice = [voice]
broadcast-counts = delivered { $sent } · pending { $pending } · unreachable { $unreachable } · studied { $acknowledged }/{ $sent }
broadcast-card-title = Notice #{ $id } · { $time }
broadcast-card-urgent = ⚠️ urgent
broadcast-card-held = Held for quiet hours; goes out at { $time }
broadcast-card-offline = Not on Telegram, not sent: { $count }
broadcast-show-not-acknowledged = Not yet studied ({ $count })
broadcast-show-unreachable = Unreachable ({ $count })
broadcast-back = ◀ Back
broadcast-names-not-acknowledged = { $total } received it but have not tapped "studied" (page { $page }/{ $pages }):
broadcast-names-unreachable = { $total } could not be reached (blocked the bot or failed repeatedly; page { $page }/{ $pages }):
broadcast-names-none = Nobody.
