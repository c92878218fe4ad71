command-report = Reports: meetings, attendance, dues, needs; XLSX registers
report-error-period = That period has not begun yet.
report-error-weights = Weights are whole numbers from 0 to 100, and at least one must be above 0.
report-error-stars = Star thresholds are four whole numbers from 1 to 100, each lower than the one before.

## /report: choosing
report-choose = Whose report do you want to see?
report-none = There are no branches below the organizations you serve yet.
report-button-committee = 📊 { $name } (branches below)
report-button-branch = 📋 { $name }
report-button-back = ⬅ Back

## Period buttons
report-button-this-monthly = This month
report-button-last-monthly = Last month
report-button-this-quarterly = This quarter
report-button-last-quarterly = Last quarter
report-button-this-yearly = This year
report-button-last-yearly = Last year
report-caption = 📊 { $name } · { $period }

## A branch's report
report-branch-header = 📋 { $branch }: report for { $period } (up to { $through })
report-meetings = 🗓 Meetings: { $held } held of { $required } required
report-meetings-none = No regular meeting is required in this period.
report-kind-line = {"    "}· { $kind } ({ $frequency }): held { $held }, missed { $missed }, still open { $open }
report-attendance = 🙋 Attendance { $rate } ({ $present } present of { $invited } invited)
report-meeting-line = • { $date } { $kind } “{ $title }”: { $present } of { $invited } present, { $leave } on leave ({ $rate })
report-more-meetings = … { $count } more meetings: see the register
report-dues = 💰 Dues: ¥{ $paid } collected of ¥{ $due } due; member-months paid: { $months_paid } of { $months_due } ({ $rate })
report-tickets = 🤝 Needs: { $reported } reported, { $resolved } resolved, { $overdue } overdue, average rating { $rating } (rated: { $rated })
report-guidance = 📘 Guidance: { $acknowledged } of { $received } acknowledged ({ $rate })

## Exports
report-button-export-register = 📥 Register of organizational life
report-button-export-attendance = 📥 Attendance
report-button-export-dues = 📥 Dues ledger
report-button-export-tickets = 📥 Needs register
report-button-export-committee = 📥 Branch scores
report-title-register = { $name }: register of organizational life, { $period }
report-title-attendance = { $name }: attendance, { $period }
report-title-tickets = { $name }: needs register, { $period }
report-title-committee = { $name }: branch scores, { $period }
report-export-preparing = ⏳ Preparing { $name }…
report-export-progress = ⏳ Preparing… { $percent }%
report-export-done = ✅ { $name } is ready
report-export-busy = This file is being prepared, one moment.
report-export-failed = ⚠ { $name } could not be prepared. Please tap the button again later.
report-export-interrupted = ⚠ The bot is restarting: { $name } was not finished. Please tap the button again in a moment.

## A committee: the branches scored
report-committee-header = 📊 { $committee }: the branches below, { $period }
report-committee-empty = There are no branches below yet.
report-committee-count = Branches: { $total }.
report-committee-level = { $stars } { $count }
report-committee-unscored = no data { $count }
report-committee-list = Lowest score first (those most in need of help):
report-committee-line = { $number }. { $branch }: { $points } points { $stars }
report-committee-line-unscored = { $number }. { $branch }: no data
report-committee-page = Page { $page }/{ $pages }
report-committee-hint = Tap a branch to open its report. Only branches are scored, members are never ranked.
report-button-weights = ⚖ Scoring rules

## Scoring rules
report-weights-header = ⚖ { $committee }: how the branches below are scored ({ $source }):
report-source-own = set here
report-source-above = set above
report-source-default = default
report-weight-line = • { $component }: weight { $weight }
report-stars-level = { $stars } ≥ { $points }
report-stars-line = Stars: { $levels }, below that { $lowest }
report-score-explained = How the score works: each item is a share over the period: required meetings held, attendance at the meetings, member-months of dues paid of those due, needs solved in time of those due, the average rating by the people served (out of 5), and guidance acknowledged of that received. The score is the weighted mean of the items that have data, times 100; an item without data this period (say, no needs reported) is left out and its weight spread over the others. A branch without any data gets no score. The rules apply to every branch below, unless a committee below sets its own.
report-component-meetings = Meetings held
report-component-attendance = Attendance
report-component-dues = Dues paid
report-component-tickets = Needs solved in time
report-component-satisfaction = Satisfaction
report-component-guidance = Guidance acknowledged
report-button-weight = { $sign } { $component } → { $weight }
report-button-stars = ★ Set star thresholds
report-button-reset = ↺ Back to the rules above
report-weight-saved = ✅ Saved
report-weights-reset = ✅ The rules above (or the defaults) apply again
report-stars-ask = Send four scores, each lower than the one before: the least for five, four, three and two stars (1–100), separated by spaces. Now: { $current }
report-stars-saved = ✅ Star thresholds saved.
