command-deadlines = Required meetings: held, due, missed

## Periods and frequencies
deadlines-period-monthly = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
deadlines-period-quarterly = Q{ $quarter } { $year }
deadlines-period-yearly = { $year }
deadlines-frequency-monthly = monthly
deadlines-frequency-quarterly = quarterly
deadlines-frequency-yearly = yearly
deadlines-frequency-none = not required

## /deadlines: choosing
deadlines-choose = Whose required meetings do you want to see?
deadlines-button-committee = 📊 { $name } (branches below)
deadlines-button-branch = 📅 { $name }
deadlines-button-back = ⬅ Back
deadlines-button-frequencies = ⚙ Required frequencies
deadlines-button-reset = ↺ Back to defaults
deadlines-button-kind = { $kind }: { $frequency }

## A branch: this period
deadlines-branch-header = 📅 { $branch }: required meetings ({ $today })
deadlines-branch-none = No regular meeting is required of this branch at the moment.
deadlines-kind-line = { $kind } · { $frequency } · { $period }: { $status }
deadlines-status-held = ✅ held ({ $date })
deadlines-status-scheduled = 🗓 scheduled ({ $date })
deadlines-status-missing = ❌ neither held nor scheduled, { $days ->
    [one] { $days } day
   *[other] { $days } days
} left (deadline { $deadline })
deadlines-status-groups-held = ✅ held by every party group
deadlines-status-groups-scheduled = 🗓 held or scheduled by every party group
deadlines-status-groups-missing = ❌ some party groups have neither held nor scheduled one, { $days ->
    [one] { $days } day
   *[other] { $days } days
} left (deadline { $deadline })
deadlines-group-line = {"    "}· { $group }: { $status }
deadlines-group-held = ✅ held ({ $date })
deadlines-group-scheduled = 🗓 scheduled ({ $date })
deadlines-group-missing = ❌ not scheduled
deadlines-branch-hint = Schedule a meeting with /meeting. A meeting counts as held once it has started and a sign-in is confirmed.

## A committee: the branches below, this period
deadlines-committee-header = 📊 { $committee }: required meetings of the branches below ({ $today })
deadlines-committee-empty = There are no branches below yet.
deadlines-committee-all-done = { $total ->
    [one] The branch has
   *[other] All { $total } branches have
} held or scheduled every required meeting of this period.
deadlines-committee-counts = { $behind } of { $total } branches have required meetings neither held nor scheduled:
deadlines-committee-line = • { $branch }: { $kinds }
deadlines-committee-page = Page { $page }/{ $pages }

## A committee: frequencies
deadlines-frequencies-header = ⚙ { $committee }: how often the branches below must hold each meeting:
deadlines-frequency-line = { $kind }: { $frequency } ({ $source })
deadlines-source-own = set here
deadlines-source-above = set above
deadlines-source-default = default
deadlines-frequencies-hint = Tap a button to switch: monthly → quarterly → yearly → not required. It applies to every branch below, unless a committee below sets its own.
deadlines-frequency-saved = ✅ Saved
deadlines-frequencies-reset = ✅ Back to defaults
deadlines-error-kind = No frequency can be set for this kind of meeting.

## Reminders and reports (to officers and committee admins)
deadlines-reminder-header = ⏰ { $branch }: required meetings of { $period } are neither held nor scheduled yet, { $days ->
    [one] { $days } day
   *[other] { $days } days
} left (deadline { $deadline }):
deadlines-reminder-line = • { $kind }
deadlines-reminder-groups = • { $kind } ({ $groups })
deadlines-reminder-hint = Schedule them with /meeting and confirm the sign-ins afterwards. /deadlines shows everything.
deadlines-missed-header = 📋 { $committee }, { $period }: { $missed } of { $total } branches did not hold every required meeting:
deadlines-missed-line = • { $branch }: { $kinds }
deadlines-missed-kind-groups = { $kind } ({ $groups })
deadlines-more = … and { $count } more
deadlines-missed-more = … and { $count } more { $count ->
    [one] branch
   *[other] branches
}
deadlines-missed-hint = Only meetings held with a confirmed sign-in count. /deadlines shows the current period.
