command-guidance = Monthly guidance: write and publish
command-coverage = Guidance coverage by branch
command-themedday = Set the branch's themed Party day

## Monthly guidance: writing and publishing (committee admins)
guidance-choose-committee = Which committee's guidance?
guidance-months-header = Monthly guidance of “{ $committee }”. Pick a month to write, edit or view:
guidance-status-none = not written
guidance-status-draft = draft
guidance-status-scheduled = scheduled
guidance-status-published = published
guidance-ask-theme = Guidance for { $month }: what is this month's theme? Send it as text.
guidance-current = Now: { $value }
guidance-ask-body = Send the guidance text (what to study, what to do), or use a button.
guidance-ask-materials =
    Study materials ({ $count } so far): send links (one per line, a name before the link if you like), or send files and pictures.
    Press “Done” when finished.
guidance-material-added = Added; { $count } materials in all. Send more, or press “Done”.
guidance-materials-done = ✅ Done ({ $count })
guidance-materials-clear = 🗑 Remove all materials
guidance-ask-activities = Send the suggested activities, or use a button.
guidance-ask-deadline = By which day must every branch hold its themed Party day? Send a date ({ $first } to { $last }), e.g. “12-20” or “20”.
guidance-ask-publish = When should it be published? Send “YYYY-MM-DD HH:MM” (zone { $zone }) or use a button; “Skip” lets you publish now or keep a draft in the preview.
guidance-ask-members = Besides branch secretaries and deputies, send it to all party members too?
guidance-members-yes = 👥 Also to all party members
guidance-members-no = 👤 Secretaries and deputies only
guidance-use-default = Use { $value }
guidance-keep = Keep as is
guidance-skip = Skip
guidance-abort = ✖ Stop writing
guidance-text-expected = Please answer with text or a button; /cancel stops.
guidance-preview-header = Please check the guidance:
guidance-line-audience = Sent to: { $audience }
guidance-audience-officers = branch secretaries and deputies
guidance-audience-members = branch secretaries, deputies and all party members
guidance-line-publish-at = Scheduled for: { $time }
guidance-save-draft = 💾 Save as draft
guidance-save-schedule = ⏰ Publish at { $time }
guidance-publish-now = 📢 Publish now
guidance-draft-saved = 💾 Guidance for { $month } saved as a draft. /guidance opens it again.
guidance-scheduled = ⏰ Guidance for { $month } will be published at { $time }. You can still edit it until then.
guidance-published = 📢 Guidance for { $month } “{ $theme }” is published and on its way to the branches.
guidance-already-published = Published at { $time }; it can no longer be changed.
guidance-button-coverage = 📊 Coverage

## The guidance message
guidance-message-header = 📢 { $committee } · guidance for { $month }
guidance-line-theme = Theme: { $theme }
guidance-line-deadline = Hold the themed Party day by: { $deadline }
guidance-line-activities = Suggested activities:
guidance-line-materials = Study materials:
guidance-material-link = 🔗 { $name }: { $url }
guidance-material-file = 📎 { $name }
guidance-material-document = file
guidance-material-photo = picture
guidance-files-hint = Press “Study materials” to receive the files and pictures.
guidance-ack-hint = Branch secretaries: please press “Received”.
guidance-button-ack = ✅ Received
guidance-button-files = 📎 Study materials
guidance-acknowledged = ✅ Acknowledged for: { $branches }
guidance-files-sending = Sending { $count } files.
guidance-reminder-header = ⏰ { $branch }: { $days } days left to hold the themed Party day of { $month } (by { $deadline }).
guidance-reminder-not-acknowledged = · this month's guidance is not acknowledged yet
guidance-reminder-not-scheduled = · this month's themed Party day is not scheduled yet (/meeting)
guidance-missed-header = 📋 Themed Party day of { $month } ({ $theme }, deadline { $deadline })
guidance-missed-count = Not held in time: { $missed } of { $total } branches
guidance-missed-none = All { $total } branches held it in time.
guidance-missed-hint = /coverage shows the details.
guidance-list-more = … and { $count } more.

## Errors
guidance-error-month = That month is not valid.
guidance-error-theme = The theme must not be empty, at most { $max } characters.
guidance-error-body = The text may have at most { $max } characters.
guidance-error-activities = The activities may have at most { $max } characters.
guidance-error-materials = At most { $max } study materials.
guidance-error-material = This material cannot be used.
guidance-error-link = No link found. Send a link starting with http:// or https://, or a file or picture.
guidance-error-deadline = The deadline must be between { $first } and { $last }; please send it again, e.g. “12-20”.
guidance-error-deadline-past = The deadline has passed; change it before publishing.
guidance-error-publish-when = I could not read that time. Please send “YYYY-MM-DD HH:MM”, e.g. 2026-12-01 09:00.
guidance-error-publish-past = That moment has passed; pick a future time, or publish now.
guidance-error-publish-late = It must be published before the deadline.
guidance-error-published = This month's guidance is already published and can no longer be changed.
guidance-error-conflict = Someone else just saved this month's guidance; open /guidance again.
guidance-error-gone = This guidance does not exist or is not published.
guidance-error-not-officer = Only the secretaries and deputies of a branch that received it can acknowledge it.
guidance-error-acknowledged = Already acknowledged; nothing to do.

## Coverage
coverage-none = No guidance has been published yet.
coverage-header = 📊 { $committee } · coverage of the guidance for { $month }
    Theme: { $theme } (deadline { $deadline })
coverage-counts =
    Branches: { $total }
    Reached: { $reached }
    Acknowledged: { $acknowledged }
    Themed Party day scheduled: { $scheduled }
    Held: { $held }
coverage-not-acknowledged = Not acknowledged ({ $count }):
coverage-not-scheduled = Not scheduled ({ $count }):
coverage-not-held = Not held ({ $count }):

## Themed Party day
themedday-no-branch = You are not the secretary or deputy secretary of a party branch.
themedday-choose-branch = Which branch's themed Party day?
themedday-unset = “{ $branch }” has no fixed themed Party day yet.
themedday-current =
    Themed Party day of “{ $branch }”: { $rule }
    Next three: { $dates }
themedday-how = Pick the solar or the lunar calendar, then the day. When a lunar day does not occur in a month (no 30th in a short lunar month), the month's last day is the themed day.
themedday-choose-solar = 📅 Solar date
themedday-choose-lunar = 🌙 Lunar date
themedday-clear = 🗑 No fixed day
themedday-back = ◀ Back
themedday-ask-solar = “{ $branch }”: which day of the month? (In a shorter month the last day is taken.)
themedday-ask-lunar = “{ $branch }”: which day of the lunar month?
themedday-saved = ✅ Saved.
themedday-error-day = That day cannot be a themed Party day.
themedday-rule-solar = day { $day } of every month
themedday-rule-lunar = lunar day { $day } of every month
themedday-reminder =
    📅 Themed Party day of { $branch }: { $date } ({ $rule })
    This month's theme: { $theme }
    Please plan to attend.
lunar-day-name = { $day }
meeting-themed-date = 📅 The branch's themed Party day, { $date } { $time }
