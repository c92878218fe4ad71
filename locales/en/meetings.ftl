## Meetings: the secretary's side (scheduling, managing, leave decisions, voice reviews, reminders)

## Command menu
command-meeting = Schedule a meeting (branch meetings, lectures, themed Party day)
command-meetings = Upcoming meetings: attendance, edit, cancel, minutes

## Meeting kinds, audiences, sign-in methods
meeting-kind-general_meeting = Branch general meeting
meeting-kind-committee_meeting = Branch committee meeting
meeting-kind-group_meeting = Party group meeting
meeting-kind-party_lecture = Party lecture
meeting-kind-themed_party_day = Themed Party day
meeting-kind-organizational_life = Organizational life meeting
meeting-kind-democratic_review = Democratic review of members
meeting-kind-other = Other meeting
audience-branch = All members
audience-committee = Branch committee
audience-group = Party group
signin-method-tap = Tap
signin-method-code = Code
signin-method-location = Location
signin-method-voice = Voice
signin-method-proxy = Signed in by proxy
meeting-list-separator = {", "}

## Scheduling
meeting-abort = ✖ Stop
meeting-choose-org = Schedule a meeting for which organization?
meeting-choose-kind = "{ $org }": what kind of meeting?
meeting-ask-title = { $kind }: what is the topic? Send it, or tap the button to use the default.
meeting-title-default = Use "{ $title }"
meeting-ask-when =
    Topic: { $title }
    When does it start? Send "YYYY-MM-DD HH:MM" or "MM-DD HH:MM", e.g. { $example } (time zone { $zone }).
meeting-error-when = I could not read that time. Send "YYYY-MM-DD HH:MM" or "MM-DD HH:MM", e.g. { $example }.
meeting-ask-venue = Time: { $time }. Where is the meeting? Send the venue, or tap "Skip".
meeting-skip = Skip
meeting-ask-location = Sign in by location? At the venue tap "Share the venue location", or send the venue's point on the map via 📎; otherwise tap "Skip".
meeting-share-location = 📍 Share the venue location
meeting-location-saved = 📍 Venue location saved.
meeting-location-skipped = All right, no sign-in by location.
meeting-location-expected = Please tap "Share the venue location" or "Skip".
meeting-ask-radius = How close to the venue counts as present?
meeting-radius-option = { $meters } m
meeting-ask-methods = Which ways of signing in are allowed? Tap to switch; choose at least one.
meeting-voice-auto = Accept voice sign-ins without review
meeting-next = Next ▶
meeting-ask-window = Sign-in time: how long before the start does it open, and after the start does it close?
meeting-window-option = { $before } min before — { $after } min after
meeting-ask-audience = Who is invited?
meeting-audience-group = Party group: { $group }
meeting-confirm-header = Please check the meeting:
meeting-confirm = ✅ Schedule and invite
meeting-text-expected = Please answer with text, or send /cancel.
meeting-scheduled = ✅ Meeting scheduled.

## Meeting card
meeting-line-title = 📌 { $kind }: { $title }
meeting-line-time = 🕖 Time: { $time }
meeting-line-venue = 📍 Venue: { $venue }
meeting-venue-none = not given
meeting-line-radius = 🗺 Location sign-in: within { $radius } m of the venue
meeting-line-window = ⏱ Sign-in: { $opens }–{ $closes }, by: { $methods }
meeting-line-audience = 👥 Invited: { $audience }
meeting-line-invited = 👥 { $count } invited
meeting-line-invited-offline = 👥 { $count } invited; { $offline } of them are not on Telegram, please tell them yourself
meeting-line-voice-auto = 🎙 Voice sign-ins are accepted without review
meeting-line-voice-review = 🎙 Voice sign-ins are reviewed by the secretary
meeting-line-code = 🔢 Sign-in code: { $code } (show it at the venue)
meeting-line-reminders = 🔔 Reminders: { $times }
meeting-status-cancelled = ❌ Cancelled
meeting-invitations-sent = 📨 Invitations sent to { $sent }.
meeting-invitations-silent = 🌙 It is quiet hours now ({ $quiet }) and no reminder time is left before the meeting, so the invitations went out silently (no sound) to { $sent }.

## What invitees receive
meeting-invitation-header = 📣 Meeting · { $org }
meeting-reminder-header = 🔔 Reminder · { $org }
meeting-changed-header = ✏️ Meeting changed · { $org }
meeting-invitation-hint = Please answer with a button below: attend, or ask for leave.
meeting-cancelled-notice =
    ❌ Meeting cancelled · { $org }
    { $kind }: { $title }
    It was planned for { $time }

## Upcoming meetings
meetings-none = No upcoming meetings. Send /meeting to schedule one.
meetings-header = Upcoming meetings (open one to manage it):
meeting-button-summary = 📊 Attendance
meeting-button-code = 🔢 Code
meeting-button-edit = ✏️ Time/venue
meeting-button-minutes = 📝 Minutes
meeting-button-cancel = ✖ Cancel meeting
meeting-button-reviews = 🎙 Voice reviews ({ $count })
meeting-button-list = ◀ Meetings
meeting-button-back = ◀ Back
meeting-code-screen =
    Sign-in code for "{ $title }":
    { $code }
    Show it at the venue; members tap the code button in their invitation and type it.
meeting-cancel-ask = Cancel "{ $title }" ({ $time })? Everyone invited will be told.
meeting-cancel-yes = ✖ Yes, cancel the meeting
meeting-cancel-no = ◀ Keep it
meeting-cancelled-done = ❌ "{ $title }" is cancelled; { $sent } told.
meeting-edit-ask-when =
    "{ $title }" is at { $current }.
    Send the new start time, e.g. { $example }, or tap the button to keep it.
meeting-edit-keep-time = Keep the time
meeting-edit-ask-venue = Send the new venue, or tap the button to keep it.
meeting-edit-keep-venue = Keep the venue
meeting-edit-nothing = Neither the time nor the venue changed.
meeting-edit-done = ✅ Changed; { $sent } told:

## Attendance summary
summary-header = 📊 Attendance: { $kind } "{ $title }"
summary-counts = { $invited } invited: { $present } present, { $leave } on leave, { $pending } to review, { $absent } absent
summary-present = ✅ { $method } ({ $count }): { $names }
summary-proxy = { $name } (signed in by { $by })
summary-leave = 🙋 On leave ({ $count }): { $names }
summary-leave-person = { $name } ({ $reason })
summary-leave-pending = ⏳ Leave asked, not yet decided ({ $count }): { $names }
summary-pending = 🎙 Voice to review ({ $count }): { $names }
summary-absent = ❌ Absent without leave ({ $count }): { $names }
summary-not-yet = ⏳ Not signed in yet ({ $count }): { $names }
summary-minutes = 📝 Minutes: { $chars } characters of text, { $photos } photos

## Minutes
minutes-ask = 📝 Minutes of "{ $title }": send text and photos, as many messages as you like, then tap "Done".
minutes-saved = Saved: { $chars } characters of text, { $photos } photos. Send more, or tap "Done".
minutes-expected = Please send text or photos, or tap "Done".
minutes-done-button = ✅ Done
minutes-done = 📝 Minutes of "{ $title }" saved: { $chars } characters of text, { $photos } photos.

## Leave decisions
leave-notice =
    🙋 Leave request
    { $name } asks to be excused from { $kind } "{ $title }" ({ $time }).
    Reason: { $reason }
leave-decision-approve = ✅ Grant leave
leave-decision-reject = ❌ Refuse
leave-decision-approved = ✅ Leave granted: { $name }, "{ $title }" ({ $time }). Decided by { $by }
leave-decision-rejected = ❌ Leave refused: { $name }, "{ $title }" ({ $time }). Decided by { $by }
leave-decision-approved-member = ✅ Your leave is granted: { $kind } "{ $title }" ({ $time }).
leave-decision-rejected-member = Your leave was not granted: { $kind } "{ $title }" ({ $time }). Please attend; if that is hard, talk to your secretary.

## Voice sign-in review
voice-review-notice =
    🎙 Voice sign-in to review
    { $name }: { $kind } "{ $title }" ({ $time })
    Recorded at { $signed }
voice-review-duration = Length: { $seconds } s
voice-review-transcript = Recognized text: { $text }
voice-review-approve = ✅ Accept
voice-review-reject = ❌ Reject
voice-review-approved = ✅ Voice sign-in of { $name } for "{ $title }" accepted ({ $by }).
voice-review-rejected = ❌ Voice sign-in of { $name } for "{ $title }" rejected ({ $by }).
voice-review-approved-member = ✅ Your voice sign-in for { $kind } "{ $title }" is confirmed.
voice-review-rejected-member = Your voice sign-in for { $kind } "{ $title }" was not accepted. You may sign in again while sign-in is open.
voice-review-none = No voice sign-ins are waiting for review.

## Errors
meeting-error-kind = This organization does not hold that kind of meeting.
meeting-error-audience = That audience does not fit; please choose again.
meeting-error-title = The topic must not be empty and may have at most { $max } characters.
meeting-error-venue = The venue may have at most { $max } characters.
meeting-error-past = That time has passed; please send a time in the future.
meeting-error-too-far = Meetings can be scheduled at most a year ahead.
meeting-error-methods = Please choose at least one way of signing in.
meeting-error-location-needed = Sign-in by location needs the venue's location first.
meeting-error-radius = The sign-in radius must be between 20 m and 50 km.
meeting-error-window = Sign-in may open at most 12 hours before and close at most 12 hours after the start.
meeting-error-cancelled = This meeting has been cancelled.
meeting-error-over = This meeting is over.
meeting-error-not-invited = You are not invited to this meeting.
leave-error-reason = Please give a reason for the leave, at most { $max } characters.
leave-error-signed-in = You have already signed in; no leave is needed.
leave-error-decided = This leave request has already been decided.
minutes-error-long = At most { $max } characters at a time; please send it in several messages.
meeting-error-own-decision = You cannot decide your own leave or sign-in; the level above decides it.
