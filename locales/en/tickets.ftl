command-need = Report a need
command-tickets = Need tickets

## /need: reporting a need
ticket-abort = ✖ Cancel
ticket-submit = ✅ Submit
ticket-ask-branch = Which branch do you report to?
ticket-ask-category = What is your need about ({ $org })?
ticket-ask-description = [{ $category }] Describe your need in text, or just send a voice note.
ticket-description-expected = Please send a text description or a voice note.
ticket-ask-extras = You may add photos (up to 5) or share a location, then press “Submit”; or submit right away.
ticket-photo-added = Photo { $count } received.
ticket-location-added = Location received.
ticket-extras-expected = Send photos or a location, or press “Submit”.
ticket-reported = ✅ Received: ticket #{ $number }. You will hear about every step; /tickets shows your tickets.
ticket-aborted = Cancelled.

ticket-category-elderly = Elderly care
ticket-category-sanitation = Environment and sanitation
ticket-category-dispute = Neighbour dispute
ticket-category-property = Property management
ticket-category-employment = Employment
ticket-category-policy = Policy question
ticket-category-other = Other

ticket-status-new = waiting for dispatch
ticket-status-posted = open for members to claim
ticket-status-assigned = waiting for the member to accept
ticket-status-in_progress = in progress
ticket-status-resolved = resolved, waiting for rating
ticket-status-closed = closed
ticket-status-declined = declined
ticket-status-merged = merged

## the ticket card
ticket-card-title = 📋 Ticket #{ $number } · { $category }
ticket-card-status = Status: { $status }
ticket-card-overdue = ⚠ Past its due time
ticket-card-org = Branch: { $org }
ticket-card-reporter = Reported by: { $name }
ticket-card-description = Need: { $text }
ticket-card-voice = 🎤 Voice description attached
ticket-card-photos = 📷 { $count } photo(s)
ticket-card-location = 📍 Location attached
ticket-card-assignee = Member in charge: { $name }
ticket-card-due = Due: { $time }
ticket-card-declined = Declined because: { $reason }
ticket-card-merged = Handled together with ticket #{ $number }
ticket-card-resolution = Resolution: { $text }
ticket-card-rating = Rating: { $stars } star(s)
ticket-card-comment = Comment: { $text }

ticket-button-assign = 👤 Assign a member
ticket-button-reassign = 👤 Reassign
ticket-button-post = 📢 Post for members
ticket-button-merge = 🔗 Merge duplicate
ticket-button-decline = ✖ Decline
ticket-button-open = 📋 Open ticket
ticket-button-accept = ✅ Accept
ticket-button-refuse = 🙅 Decline
ticket-button-claim = ✋ I'll take it
ticket-button-note = 📝 Progress
ticket-button-resolve = ✅ Resolve
ticket-button-finish = ✅ Confirm resolved
ticket-button-media = 📎 Photos / voice / location
ticket-button-history = 🕘 History
ticket-button-export = 📤 Export history
ticket-button-back = ↩ Back
ticket-button-no-comment = No comment
ticket-member-load = { $name } ({ $load } open)

## steps
ticket-ask-member = Who takes ticket #{ $number }? The number is each member's open tickets.
ticket-no-members = This branch has no party members who could take it yet.
ticket-ask-duplicate = Ticket #{ $number } duplicates which ticket?
ticket-no-duplicates = The branch has no other open ticket.
ticket-ask-decline-reason = Why is ticket #{ $number } declined? The reporter will be told.
ticket-ask-refuse-reason = Why can't you take ticket #{ $number }? The secretary will be told.
ticket-ask-note = Progress on ticket #{ $number }: send text, photos or voice notes; the reporter sees each. Press “Cancel” when done.
ticket-ask-resolution = Resolving ticket #{ $number }: write what was done, add photos if you like, then press “Confirm resolved”.
ticket-note-saved = Progress recorded (#{ $number }).
ticket-resolution-saved = Resolution: { $chars } characters, { $photos } photo(s). Add more, or press “Confirm resolved”.
ticket-rate-ask = Please rate how it was handled (1–5 stars):
ticket-rated = Thank you: { $stars } star(s) (#{ $number }). Anything to add? Type a comment, or press “No comment”.
ticket-rated-reopened = { $stars } star(s) received: ticket #{ $number } is reopened and the secretary alerted. You may write why.
ticket-commented = Comment recorded (#{ $number }), thank you!
ticket-thanks = Thank you for rating!

ticket-done-assigned = ✅ Assigned (#{ $number }).
ticket-done-posted = 📢 Posted to the branch's members (#{ $number }).
ticket-done-merged = 🔗 Merged (#{ $number }).
ticket-done-declined = Declined; the reporter was told (#{ $number }).
ticket-done-refused = Declined; the secretary will dispatch it again (#{ $number }).
ticket-done-claimed = ✋ It is yours now, please handle it soon (#{ $number }).
ticket-done-accepted = ✅ Accepted (#{ $number }).
ticket-done-resolved = ✅ Resolved; waiting for the reporter's rating (#{ $number }).

## messages to other people
ticket-notice-new = 🔔 New need #{ $number } to dispatch.
ticket-notice-assigned = 📌 The secretary assigned ticket #{ $number } to you: accept or decline.
ticket-notice-withdrawn = Ticket #{ $number } is now handled another way; you no longer need to take it.
ticket-notice-posted = 📢 Need #{ $number } is waiting for a member to take it.
ticket-notice-claimed = ✋ { $name } took ticket #{ $number }.
ticket-notice-taken = 👍 Your need #{ $number } is being handled by { $name }.
ticket-notice-refused = 🙅 { $name } declined ticket #{ $number }: { $note }. Please dispatch it again.
ticket-notice-declined = Sorry, your need #{ $number } was declined.
ticket-notice-merged = Your need #{ $number } is handled together with an identical one.
ticket-notice-progress = 📝 Progress on your need #{ $number } ({ $name }): { $note }
ticket-notice-resolved = ✅ Your need #{ $number } has been resolved.
ticket-notice-rated = ⭐ The reporter gave ticket #{ $number } { $stars } star(s).
ticket-notice-reopened = ⚠ Ticket #{ $number } got only { $stars } star(s) and is reopened.
ticket-notice-remind-dispatch = ⏰ Ticket #{ $number } has not been dispatched yet.
ticket-notice-remind-accept = ⏰ You have not accepted ticket #{ $number } yet: accept or decline.
ticket-notice-reassign = ⏰ Nobody has taken ticket #{ $number }; you may reassign it.
ticket-notice-remind-resolve = ⏰ Ticket #{ $number } is due: please resolve it soon.
ticket-notice-escalated = 🚨 Ticket #{ $number } is past its due time and still unresolved: please follow up.

## history and export
ticket-history-title = 🕘 History of ticket #{ $number }
ticket-history-line = { $time } { $who }: { $what } { $note }
ticket-history-bot = system
ticket-event-reported = reported
ticket-event-assigned = assigned to { $name }
ticket-event-posted = posted for members
ticket-event-claimed = claimed
ticket-event-accepted = accepted
ticket-event-refused = declined by the member
ticket-event-declined = declined by the branch
ticket-event-merged = merged with #{ $number }
ticket-event-note = progress
ticket-event-resolved = resolved
ticket-event-rated = rated { $stars } star(s)
ticket-event-commented = commented
ticket-event-reopened = reopened
ticket-event-closed-unrated = closed without rating
ticket-event-reminded = reminder
ticket-event-escalated = escalated
ticket-export-time = time
ticket-export-who = who
ticket-export-what = what
ticket-export-note = note

## /tickets
tickets-menu = Need tickets: which list?
tickets-view-mine = Reported by me
tickets-view-tasks = Assigned to me
tickets-view-open = Open tickets (overdue first)
tickets-view-stats = 📊 Monthly statistics
tickets-title-mine = Needs I reported (page { $page }/{ $pages })
tickets-title-tasks = Tickets I handle (page { $page }/{ $pages })
tickets-title-open = Open tickets, overdue first (page { $page }/{ $pages })
tickets-empty = None.
tickets-line = #{ $number } · { $category } · { $status }
tickets-stats-title = 📊 Needs in { $month }
tickets-stats-line = { $org }
    reported { $reported } · resolved { $resolved } · median time to resolve { $median } h
    overdue { $overdue } · average rating { $rating } · rated { $rated }
tickets-stats-prev = ◀ Previous month
tickets-stats-next = Next month ▶

## refusals
ticket-error-no-branch = You do not belong to a branch yet, so you cannot report a need.
ticket-error-category = Please choose a category from the list.
ticket-error-long = Too long: at most { $max } characters.
ticket-error-description = Please describe the need in text or a voice note first.
ticket-error-photos = At most { $max } photos.
ticket-error-own = You cannot handle a need you reported yourself.
ticket-error-not-member = Only the branch's party members can take it.
ticket-error-same-member = This ticket is already assigned to { $name }.
ticket-error-reason = Please give a reason, at most { $max } characters.
ticket-error-merge-target = It can only be merged with another open ticket of the same branch.
ticket-error-closed = Ticket #{ $number } is finished; this button no longer works.
ticket-error-resolved = Ticket #{ $number } is already resolved and waiting for its rating.
ticket-error-yours = Ticket #{ $number } is already yours.
ticket-error-taken = Ticket #{ $number } has already been taken.
ticket-error-state = Ticket #{ $number } has changed; please open it again.
ticket-error-not-assignee = Only the member in charge can do that.
ticket-error-not-reporter = Only the person who reported it can rate it.
ticket-error-stars = Please give 1 to 5 stars.
ticket-error-rated = Ticket #{ $number } has already been rated.
ticket-error-commented = Ticket #{ $number } already has a comment.
ticket-error-note = Please send text, a photo or a voice note.
ticket-error-resolution = Please write what was done first.
ticket-error-flow = This button belongs to another step; please start again.
ticket-voice-not-voice = Please record a voice note.
ticket-voice-forwarded = A forwarded voice note cannot describe your need; please record your own.
ticket-voice-too-short = The voice note is too short ({ $seconds } s); at least { $min_seconds } s.
ticket-voice-too-long = The voice note is too long ({ $seconds } s); at most { $max_seconds } s.
ticket-voice-too-large = The file is too large ({ $size_mb } MB); at most { $max_mb } MB.
ticket-voice-undecodable = This voice note cannot be played; please record it again.
ticket-voice-silent = No speech can be heard in this voice note; please record it again.
