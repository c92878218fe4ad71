command-deadlines = ᠬᠤᠷᠠᠯ ᠤᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ

## ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠪᠠ ᠳᠠᠪᠲᠠᠮᠵᠢ
deadlines-period-monthly = { $year } ᠣᠨ ᠤ { $month } ᠰᠠᠷ᠎ᠠ
deadlines-period-quarterly = { $year } ᠣᠨ ᠤ { $quarter } ᠳᠦᠭᠡᠷ ᠤᠯᠢᠷᠠᠯ
deadlines-period-yearly = { $year } ᠣᠨ
deadlines-frequency-monthly = ᠰᠠᠷ᠎ᠠ ᠪᠦᠷᠢ
deadlines-frequency-quarterly = ᠤᠯᠢᠷᠠᠯ ᠪᠦᠷᠢ
deadlines-frequency-yearly = ᠵᠢᠯ ᠪᠦᠷᠢ
deadlines-frequency-none = ᠱᠠᠭᠠᠷᠳᠠᠯᠭ᠎ᠠ ᠦᠭᠡᠢ

## /deadlines᠄ ᠰᠣᠩᠭᠣᠬᠤ
deadlines-choose = ᠶᠠᠮᠠᠷ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠬᠤᠷᠠᠯ ᠤᠨ ᠪᠠᠢᠳᠠᠯ ᠢ ᠦᠵᠡᠬᠦ ᠪᠤᠢ?
deadlines-button-committee = 📊 { $name } (ᠳᠣᠣᠷᠠᠬᠢ ᠰᠠᠯᠪᠤᠷᠢ ᠨᠤᠭᠤᠳ)
deadlines-button-branch = 📅 { $name }
deadlines-button-back = ◀ ᠪᠤᠴᠠᠬᠤ
deadlines-button-frequencies = ⚙ ᠬᠤᠷᠠᠯ ᠤᠨ ᠳᠠᠪᠲᠠᠮᠵᠢ
deadlines-button-reset = ↺ ᠠᠶᠠᠳᠠᠯ ᠳᠤ ᠪᠤᠴᠠᠭᠠᠬᠤ
deadlines-button-kind = { $kind }᠄ { $frequency }

## ᠰᠠᠯᠪᠤᠷᠢ᠄ ᠡᠨᠡ ᠤᠳᠠᠭ᠎ᠠ
deadlines-branch-header = 📅 “{ $branch }” ᠦᠨ ᠵᠠᠪᠠᠯ ᠬᠢᠬᠦ ᠬᠤᠷᠠᠯ ({ $today })
deadlines-branch-none = ᠣᠳᠣ ᠡᠨᠡ ᠰᠠᠯᠪᠤᠷᠢ ᠳᠤ ᠲᠣᠭᠲᠠᠮᠠᠯ ᠬᠤᠷᠠᠯ ᠱᠠᠭᠠᠷᠳᠠᠭᠳᠠᠬᠤ ᠦᠭᠡᠢ᠃
deadlines-kind-line = { $kind } · { $frequency } · { $period }᠄ { $status }
deadlines-status-held = ✅ ᠬᠢᠭᠰᠡᠨ ({ $date })
deadlines-status-scheduled = 🗓 ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠤᠭᠰᠠᠨ ({ $date })
deadlines-status-missing = ❌ ᠬᠢᠭᠡᠳᠦᠢ᠂ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠠᠭᠠᠳᠦᠢ᠂ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ({ $deadline }) ᠳᠤ { $days } ᠡᠳᠦᠷ ᠦᠯᠡᠳᠡᠪᠡ
deadlines-status-groups-held = ✅ ᠨᠠᠮ ᠤᠨ ᠪᠦᠯᠦᠭ ᠪᠦᠷᠢ ᠬᠢᠭᠰᠡᠨ
deadlines-status-groups-scheduled = 🗓 ᠨᠠᠮ ᠤᠨ ᠪᠦᠯᠦᠭ ᠪᠦᠷᠢ ᠬᠢᠭᠰᠡᠨ ᠡᠰᠡᠪᠡᠯ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠤᠭᠰᠠᠨ
deadlines-status-groups-missing = ❌ ᠵᠠᠷᠢᠮ ᠨᠠᠮ ᠤᠨ ᠪᠦᠯᠦᠭ ᠬᠢᠭᠡᠳᠦᠢ᠂ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ({ $deadline }) ᠳᠤ { $days } ᠡᠳᠦᠷ ᠦᠯᠡᠳᠡᠪᠡ
deadlines-group-line = {"    "}· { $group }᠄ { $status }
deadlines-group-held = ✅ ᠬᠢᠭᠰᠡᠨ ({ $date })
deadlines-group-scheduled = 🗓 ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠤᠭᠰᠠᠨ ({ $date })
deadlines-group-missing = ❌ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠠᠭᠠᠳᠦᠢ
deadlines-branch-hint = /meeting ᠢᠶᠠᠷ ᠬᠤᠷᠠᠯ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠤᠨ᠎ᠠ᠃ ᠬᠤᠷᠠᠯ ᠡᠬᠢᠯᠡᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠪᠠᠲᠤᠯᠠᠭᠳᠠᠪᠠᠯ ᠰᠠᠶᠢ ᠬᠢᠭᠰᠡᠨ ᠳᠤ ᠲᠣᠭᠠᠴᠠᠭᠳᠠᠨ᠎ᠠ᠃

## ᠬᠣᠷᠢᠶ᠎ᠠ᠄ ᠳᠣᠣᠷᠠᠬᠢ ᠰᠠᠯᠪᠤᠷᠢ ᠨᠤᠭᠤᠳ
deadlines-committee-header = 📊 “{ $committee }” ᠦᠨ ᠳᠣᠣᠷᠠᠬᠢ ᠰᠠᠯᠪᠤᠷᠢ ᠨᠤᠭᠤᠳ ᠤᠨ ᠡᠨᠡ ᠤᠳᠠᠭᠠᠨ ᠤ ᠬᠤᠷᠠᠯ ({ $today })
deadlines-committee-empty = ᠳᠣᠣᠷ᠎ᠠ ᠨᠢ ᠰᠠᠯᠪᠤᠷᠢ ᠠᠯᠢ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃
deadlines-committee-all-done = ᠪᠦᠬᠦ { $total } ᠰᠠᠯᠪᠤᠷᠢ ᠡᠨᠡ ᠤᠳᠠᠭᠠᠨ ᠤ ᠬᠤᠷᠠᠯ ᠢᠶᠠᠨ ᠬᠢᠭᠰᠡᠨ ᠡᠰᠡᠪᠡᠯ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠤᠭᠰᠠᠨ᠃
deadlines-committee-counts = { $total } ᠰᠠᠯᠪᠤᠷᠢ ᠠᠴᠠ { $behind } ᠨᠢ ᠬᠢᠭᠡᠳᠦᠢ᠂ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠠᠭᠠᠳᠦᠢ ᠬᠤᠷᠠᠯ ᠲᠠᠢ᠄
deadlines-committee-line = • { $branch }᠄ { $kinds }
deadlines-committee-page = { $page }/{ $pages } ᠨᠢᠭᠤᠷ

## ᠬᠣᠷᠢᠶ᠎ᠠ᠄ ᠳᠠᠪᠲᠠᠮᠵᠢ
deadlines-frequencies-header = ⚙ “{ $committee }” ᠦᠨ ᠳᠣᠣᠷᠠᠬᠢ ᠰᠠᠯᠪᠤᠷᠢ ᠨᠤᠭᠤᠳ ᠤᠨ ᠬᠤᠷᠠᠯ ᠤᠨ ᠳᠠᠪᠲᠠᠮᠵᠢ᠄
deadlines-frequency-line = { $kind }᠄ { $frequency } ({ $source })
deadlines-source-own = ᠡᠨᠡ ᠱᠠᠲᠤ ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ
deadlines-source-above = ᠳᠡᠭᠡᠳᠦ ᠱᠠᠲᠤ ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ
deadlines-source-default = ᠠᠶᠠᠳᠠᠯ
deadlines-frequencies-hint = ᠳᠠᠷᠤᠭᠤᠯ ᠢ ᠳᠠᠷᠤᠵᠤ ᠰᠣᠯᠢᠨ᠎ᠠ᠄ ᠰᠠᠷ᠎ᠠ ᠪᠦᠷᠢ → ᠤᠯᠢᠷᠠᠯ ᠪᠦᠷᠢ → ᠵᠢᠯ ᠪᠦᠷᠢ → ᠱᠠᠭᠠᠷᠳᠠᠯᠭ᠎ᠠ ᠦᠭᠡᠢ᠃ ᠳᠣᠣᠷᠠᠬᠢ ᠪᠦᠬᠦ ᠰᠠᠯᠪᠤᠷᠢ ᠳᠤ ᠬᠠᠮᠢᠶᠠᠷᠤᠨ᠎ᠠ (ᠳᠣᠣᠷᠠᠬᠢ ᠬᠣᠷᠢᠶ᠎ᠠ ᠥᠪᠡᠷ ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ ᠠᠴᠠ ᠪᠤᠰᠤ)᠃
deadlines-frequency-saved = ✅ ᠬᠠᠳᠠᠭᠠᠯᠠᠪᠠ
deadlines-frequencies-reset = ✅ ᠠᠶᠠᠳᠠᠯ ᠳᠤ ᠪᠤᠴᠠᠭᠠᠪᠠ
deadlines-error-kind = ᠡᠨᠡ ᠲᠦᠷᠦᠯ ᠦᠨ ᠬᠤᠷᠠᠯ ᠳᠤ ᠳᠠᠪᠲᠠᠮᠵᠢ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠦᠭᠡᠢ᠃

## ᠰᠠᠨᠠᠭᠤᠯᠤᠮᠵᠢ ᠪᠠ ᠮᠡᠳᠡᠭᠳᠡᠯ
deadlines-reminder-header = ⏰ { $branch }᠄ { $period } ᠦᠨ ᠵᠠᠪᠠᠯ ᠬᠢᠬᠦ ᠬᠤᠷᠠᠯ ᠠᠯᠢ ᠬᠢᠭᠡᠳᠦᠢ᠂ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠠᠭᠠᠳᠦᠢ᠂ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ({ $deadline }) ᠳᠤ { $days } ᠡᠳᠦᠷ ᠦᠯᠡᠳᠡᠪᠡ᠄
deadlines-reminder-line = • { $kind }
deadlines-reminder-groups = • { $kind } ({ $groups })
deadlines-reminder-hint = /meeting ᠢᠶᠠᠷ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠵᠤ᠂ ᠬᠤᠷᠠᠯ ᠤᠨ ᠳᠠᠷᠠᠭ᠎ᠠ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠢ ᠪᠠᠲᠤᠯᠠᠭᠠᠷᠠᠢ᠃ /deadlines ᠢᠶᠠᠷ ᠪᠦᠬᠦ ᠪᠠᠢᠳᠠᠯ ᠢ ᠦᠵᠡᠨ᠎ᠡ᠃
deadlines-missed-header = 📋 “{ $committee }” { $period }᠄ { $total } ᠰᠠᠯᠪᠤᠷᠢ ᠠᠴᠠ { $missed } ᠨᠢ ᠵᠠᠪᠠᠯ ᠬᠢᠬᠦ ᠬᠤᠷᠠᠯ ᠢᠶᠠᠨ ᠬᠢᠭᠡᠳᠦᠢ᠄
deadlines-missed-line = • { $branch }᠄ { $kinds }
deadlines-missed-kind-groups = { $kind } ({ $groups })
deadlines-more = … ᠪᠠᠰᠠ { $count }
deadlines-missed-more = … ᠪᠠᠰᠠ { $count } ᠰᠠᠯᠪᠤᠷᠢ
deadlines-missed-hint = ᠪᠦᠷᠢᠳᠬᠡᠯ ᠪᠠᠲᠤᠯᠠᠭᠳᠠᠭᠰᠠᠨ ᠬᠤᠷᠠᠯ ᠯᠠ ᠲᠣᠭᠠᠴᠠᠭᠳᠠᠨ᠎ᠠ᠃ /deadlines ᠢᠶᠠᠷ ᠡᠨᠡ ᠤᠳᠠᠭᠠᠨ ᠤ ᠪᠠᠢᠳᠠᠯ ᠢ ᠦᠵᠡᠨ᠎ᠡ᠃
