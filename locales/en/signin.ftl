## Invitation buttons
invitation-attend = ✅ I will attend
invitation-leave = 🙋 Ask for leave
signin-button-tap = 👆 Sign in
signin-button-code = 🔢 Enter the code
signin-button-location = 📍 Sign in by location
signin-button-voice = 🎙 Sign in by voice

## Attending and leave
signin-attend-noted = Noted: you will attend "{ $title }". When sign-in opens, tap "Sign in".
signin-leave-ask = Please send the reason for your leave (for example: I cannot leave the herd), or /cancel.
signin-leave-reason-expected = Please send the reason as text, or /cancel.
signin-leave-sent = Leave request sent for "{ $title }". You will be told when it is decided.
signin-leave-sent-no-manager = Leave request recorded for "{ $title }". Nobody can decide it yet; please contact your branch.

## Sign-in
signin-done = ✅ Signed in: "{ $title }" ({ $method }), { $time }.
signin-code-ask = Please type the { $digits }-digit code shown at the venue, or /cancel.
signin-code-expected = Please send the code as text, or /cancel.
signin-location-ask = Tap "Send my location" below to share where you are now. Forwarded or old locations do not count.
signin-share-location = 📍 Send my location
signin-location-expected = Please tap "Send my location", or /cancel.
signin-location-venue = A place picked from a list is not where you are. Please share your current location with "Send my location".
signin-voice-ask = Hold the microphone button and record a voice note of { $min }–{ $max } seconds: say "present" and your name, then send it. Record it here; do not forward one or send an audio file.
signin-voice-expected = Please send a voice note, or /cancel.
signin-voice-pending = 🎙 Your voice sign-in ({ $seconds } s) for "{ $title }" was received and waits for the secretary's review.
signin-none-open = No meeting is open for sign-in now. Sign-in usually opens 30 minutes before a meeting and closes 30 minutes after it starts; send /attendance to see your meetings.
signin-choose-meeting = Several meetings are open for sign-in. Which one is this for?
signin-pick-expected = Please tap the meeting above that this sign-in is for.

## Why a sign-in was refused
signin-error-method = This meeting does not allow that way of signing in.
signin-error-not-open = Sign-in has not opened yet; please try again during the sign-in time.
signin-error-closed = Sign-in has closed.
signin-error-already = You are already signed in; there is nothing more to do.
signin-error-code = That code is wrong. You may try { $left } more times.
signin-error-code-locked = Too many wrong codes: sign-in by code is locked for you. Please ask the secretary to confirm your attendance.
signin-error-forwarded = A forwarded location does not count. Please share your own current location with the button.
signin-error-stale-location = That location is several minutes old. Please share your current location again.
signin-error-too-far = You are about { $distance } m from the venue, outside the sign-in radius of { $radius } m.
signin-error-reviewed = This voice sign-in has already been reviewed.
voice-refused-not-voice = That is not a voice note. Hold the microphone button and record one here; audio files, videos and documents do not count.
voice-refused-forwarded = A forwarded voice note does not count. Please record your own.
voice-refused-too-short = The voice note is too short ({ $seconds } s); it needs at least { $min_seconds } s.
voice-refused-too-long = The voice note is too long ({ $seconds } s); at most { $max_seconds } s.
voice-refused-too-large = The file is too large ({ $size_mb } MB); at most { $max_mb } MB.
voice-refused-undecodable = That voice note cannot be played; it may be damaged. Please record it again.
voice-refused-silent = No speech could be heard in that voice note. Please speak close to the phone, say "present" and your name, and send it again.

## Proxy sign-in
command-proxy = Sign in a member who has no phone
proxy-none-open = No meeting is open in which you can sign somebody in.
proxy-choose-meeting = Sign somebody in for which meeting?
proxy-choose-person = "{ $title }": whom are you signing in?
proxy-no-candidates = "{ $title }": everyone you can sign in is already signed in.
proxy-ask-note = Signing in { $name }. Add a note (for example: took part in the yurt), or tap "Skip".
proxy-skip-note = Skip
proxy-note-expected = Please send the note as text, or tap "Skip".
proxy-done = ✅ { $name } is signed in to "{ $title }". The secretary sees that you signed them in.

## Attendance history
command-attendance = My attendance
attendance-none = You have not been invited to any meeting yet.
attendance-header = Your attendance (last { $count } meetings):
attendance-line = { $date } · { $kind } · { $title }: { $status }
attendance-status-signed = ✅ signed in ({ $method })
attendance-status-pending = ⏳ voice sign-in awaiting review
attendance-status-rejected = ❌ voice sign-in not accepted
attendance-status-leave = 🙋 on leave
attendance-status-leave-requested = 🙋 leave requested
attendance-status-absent = ⭕ absent
attendance-status-open = 🔔 sign-in open now
attendance-status-upcoming = 📅 upcoming
attendance-status-cancelled = 🚫 cancelled
attendance-open-now = 🔔 Sign-in is open for "{ $title }" ({ $opens }–{ $closes }):
