command-report = ᠠᠵᠢᠯ ᠤᠨ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ
report-error-period = ᠲᠤᠰ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠡᠬᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ᠃
report-error-weights = ᠵᠢᠩᠬᠦ ᠨᠢ 0–100 ᠪᠦᠬᠦᠯᠢ ᠲᠤᠭ᠎ᠠ᠂ ᠠᠳᠠᠭ ᠲᠠᠭᠠᠨ ᠨᠢᠭᠡ ᠨᠢ 0 ᠡᠴᠡ ᠢᠬᠡ ᠪᠠᠢᠨ᠎ᠠ᠃
report-error-stars = ᠣᠳᠤᠨ ᠤ ᠬᠢᠵᠠᠭᠠᠷ ᠨᠢ 1–100 ᠤᠨ ᠳᠠᠷᠠᠭᠠᠯᠠᠨ ᠪᠠᠭᠠᠰᠬᠤ ᠳᠦᠷᠪᠡᠨ ᠪᠦᠬᠦᠯᠢ ᠲᠤᠭ᠎ᠠ ᠪᠠᠢᠨ᠎ᠠ᠃

## /report᠄ ᠰᠣᠩᠭᠣᠬᠤ
report-choose = ᠶᠠᠮᠠᠷ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠠᠵᠢᠯ ᠤᠨ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ ᠶᠢ ᠦᠵᠡᠬᠦ ᠪᠤᠢ?
report-none = ᠲᠠᠨ ᠤ ᠬᠠᠷᠢᠭᠤᠴᠠᠭ᠎ᠠ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠳᠣᠣᠷ᠎ᠠ ᠰᠠᠯᠪᠤᠷᠢ ᠠᠯᠢ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃
report-button-committee = 📊 { $name } (ᠳᠣᠣᠷᠠᠬᠢ ᠰᠠᠯᠪᠤᠷᠢ ᠨᠤᠭᠤᠳ)
report-button-branch = 📋 { $name }
report-button-back = ◀ ᠪᠤᠴᠠᠬᠤ

## ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠶᠢᠨ ᠳᠠᠷᠤᠭᠤᠯ
report-button-this-monthly = ᠡᠨᠡ ᠰᠠᠷ᠎ᠠ
report-button-last-monthly = ᠥᠩᠭᠡᠷᠡᠭᠰᠡᠨ ᠰᠠᠷ᠎ᠠ
report-button-this-quarterly = ᠡᠨᠡ ᠤᠯᠢᠷᠠᠯ
report-button-last-quarterly = ᠥᠩᠭᠡᠷᠡᠭᠰᠡᠨ ᠤᠯᠢᠷᠠᠯ
report-button-this-yearly = ᠡᠨᠡ ᠵᠢᠯ
report-button-last-yearly = ᠨᠢᠳᠤᠨᠤ ᠵᠢᠯ
report-caption = 📊 { $name } · { $period }

## ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ
report-branch-header = 📋 “{ $branch }” { $period } ᠦᠨ ᠠᠵᠢᠯ ᠤᠨ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ ({ $through } ᠬᠦᠷᠲᠡᠯ᠎ᠡ)
report-meetings = 🗓 ᠬᠤᠷᠠᠯ᠄ ᠱᠠᠭᠠᠷᠳᠠᠭᠳᠠᠬᠤ { $required }᠂ ᠬᠢᠭᠰᠡᠨ { $held }
report-meetings-none = ᠡᠨᠡ ᠬᠤᠭᠤᠴᠠᠭᠠᠨ ᠳᠤ ᠲᠣᠭᠲᠠᠮᠠᠯ ᠬᠤᠷᠠᠯ ᠱᠠᠭᠠᠷᠳᠠᠭᠳᠠᠬᠤ ᠦᠭᠡᠢ᠃
report-kind-line = {"    "}· { $kind } ({ $frequency })᠄ ᠬᠢᠭᠰᠡᠨ { $held }᠂ ᠬᠢᠭᠡᠳᠦᠢ { $missed }᠂ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠠᠭᠤᠰᠤᠭᠠᠳᠤᠢ { $open }
report-attendance = 🙋 ᠢᠷᠡᠯᠲᠡ { $rate } (ᠤᠷᠢᠭᠳᠠᠭᠰᠠᠨ { $invited } ᠠᠴᠠ ᠢᠷᠡᠭᠰᠡᠨ { $present })
report-meeting-line = • { $date } { $kind } “{ $title }”᠄ { $invited } ᠠᠴᠠ { $present } ᠢᠷᠡᠭᠰᠡᠨ᠂ ᠴᠢᠯᠦᠭᠡ ᠲᠡᠢ { $leave } ({ $rate })
report-more-meetings = … ᠪᠠᠰᠠ { $count } ᠬᠤᠷᠠᠯ᠂ ᠳᠠᠩᠰᠠ ᠡᠴᠡ ᠦᠵᠡᠭᠡᠷᠡᠢ
report-dues = 💰 ᠨᠠᠮ ᠤᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ᠄ ᠲᠤᠰᠢᠶᠠᠬᠤ ¥{ $due } ᠠᠴᠠ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ¥{ $paid }᠂ ᠬᠦᠮᠦᠨ·ᠰᠠᠷ᠎ᠠ { $months_due } ᠠᠴᠠ { $months_paid } ({ $rate })
report-tickets = 🤝 ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ᠄ ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ { $reported }᠂ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ { $resolved }᠂ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ { $overdue }᠂ ᠳᠤᠮᠳᠠᠵᠢ ᠦᠨᠡᠯᠡᠭᠡ { $rating } (ᠦᠨᠡᠯᠡᠭᠰᠡᠨ { $rated })
report-guidance = 📘 ᠵᠢᠭᠠᠯᠲᠠ᠄ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ { $received } ᠠᠴᠠ ᠪᠠᠲᠤᠯᠠᠭᠰᠠᠨ { $acknowledged } ({ $rate })

## ᠳᠠᠩᠰᠠ ᠭᠠᠷᠭᠠᠬᠤ
report-button-export-register = 📥 ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠠᠮᠢᠳᠤᠷᠠᠯ ᠤᠨ ᠳᠠᠩᠰᠠ
report-button-export-attendance = 📥 ᠢᠷᠡᠯᠲᠡ ᠶᠢᠨ ᠬᠦᠰᠦᠨᠦᠭ
report-button-export-dues = 📥 ᠨᠠᠮ ᠤᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠳᠠᠩᠰᠠ
report-button-export-tickets = 📥 ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠶᠢᠨ ᠳᠠᠩᠰᠠ
report-button-export-committee = 📥 ᠰᠠᠯᠪᠤᠷᠢ ᠨᠤᠭᠤᠳ ᠤᠨ ᠣᠨᠤᠭ᠎ᠠ
report-title-register = “{ $name }” { $period } ᠦᠨ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠠᠮᠢᠳᠤᠷᠠᠯ ᠤᠨ ᠳᠠᠩᠰᠠ
report-title-attendance = “{ $name }” { $period } ᠦᠨ ᠢᠷᠡᠯᠲᠡ ᠶᠢᠨ ᠬᠦᠰᠦᠨᠦᠭ
report-title-tickets = “{ $name }” { $period } ᠦᠨ ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠶᠢᠨ ᠳᠠᠩᠰᠠ
report-title-committee = “{ $name }” { $period } ᠦᠨ ᠳᠣᠣᠷᠠᠬᠢ ᠰᠠᠯᠪᠤᠷᠢ ᠨᠤᠭᠤᠳ ᠤᠨ ᠣᠨᠤᠭ᠎ᠠ
report-export-preparing = ⏳ { $name } ᠢ ᠪᠡᠯᠡᠳᠬᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ…
report-export-progress = ⏳ ᠪᠡᠯᠡᠳᠬᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ… { $percent }%
report-export-done = ✅ { $name } ᠪᠡᠯᠡᠨ ᠪᠣᠯᠪᠠ
report-export-busy = ᠡᠨᠡ ᠹᠠᠢᠯ ᠢ ᠪᠡᠯᠡᠳᠬᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ᠂ ᠲᠦᠷ ᠬᠦᠯᠢᠶᠡᠭᠡᠷᠡᠢ᠃
report-export-failed = ⚠ { $name } ᠢ ᠪᠡᠯᠡᠳᠬᠡᠵᠦ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠬᠣᠵᠢᠮ ᠳᠠᠬᠢᠨ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
report-export-interrupted = ⚠ ᠪᠣᠲ ᠳᠠᠬᠢᠨ ᠡᠬᠢᠯᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ᠂ { $name } ᠪᠡᠯᠡᠨ ᠪᠣᠯᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃ ᠲᠦᠷ ᠬᠦᠯᠢᠶᠡᠭᠡᠳ ᠳᠠᠬᠢᠨ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃

## ᠬᠣᠷᠢᠶ᠎ᠠ᠄ ᠰᠠᠯᠪᠤᠷᠢ ᠨᠤᠭᠤᠳ ᠤᠨ ᠣᠨᠤᠭ᠎ᠠ
report-committee-header = 📊 “{ $committee }” ᠦᠨ ᠳᠣᠣᠷᠠᠬᠢ ᠰᠠᠯᠪᠤᠷᠢ ᠨᠤᠭᠤᠳ᠂ { $period }
report-committee-empty = ᠳᠣᠣᠷ᠎ᠠ ᠨᠢ ᠰᠠᠯᠪᠤᠷᠢ ᠠᠯᠢ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃
report-committee-count = ᠨᠡᠢᠲᠡ { $total } ᠰᠠᠯᠪᠤᠷᠢ᠃
report-committee-level = { $stars } { $count }
report-committee-unscored = ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ ᠦᠭᠡᠢ { $count }
report-committee-list = ᠣᠨᠤᠭ᠎ᠠ ᠪᠠᠭ᠎ᠠ ᠡᠴᠡ ᠢᠬᠡ ᠷᠦᠭᠦ (ᠬᠠᠮᠤᠭ ᠢᠶᠠᠷ ᠳᠡᠮᠵᠢᠯᠭᠡ ᠬᠡᠷᠡᠭᠳᠡᠢ ᠨᠢ ᠡᠮᠦᠨ᠎ᠡ)᠄
report-committee-line = { $number }. { $branch }᠄ { $points } ᠣᠨᠤᠭ᠎ᠠ { $stars }
report-committee-line-unscored = { $number }. { $branch }᠄ ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ ᠦᠭᠡᠢ
report-committee-page = { $page }/{ $pages } ᠨᠢᠭᠤᠷ
report-committee-hint = ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠨᠡᠷ᠎ᠡ ᠶᠢ ᠳᠠᠷᠤᠵᠤ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ ᠢᠨᠢ ᠦᠵᠡᠨ᠎ᠡ᠃ ᠰᠠᠯᠪᠤᠷᠢ ᠯᠠ ᠣᠨᠤᠭᠠᠯᠠᠨ᠎ᠠ᠂ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠢ ᠬᠡᠵᠢᠶᠡ ᠴᠤ ᠵᠡᠷᠭᠡᠯᠡᠬᠦ ᠦᠭᠡᠢ᠃
report-button-weights = ⚖ ᠣᠨᠤᠭᠠᠯᠠᠬᠤ ᠳᠦᠷᠢᠮ

## ᠣᠨᠤᠭᠠᠯᠠᠬᠤ ᠳᠦᠷᠢᠮ
report-weights-header = ⚖ “{ $committee }” ᠦᠨ ᠳᠣᠣᠷᠠᠬᠢ ᠰᠠᠯᠪᠤᠷᠢ ᠨᠤᠭᠤᠳ ᠢ ᠣᠨᠤᠭᠠᠯᠠᠬᠤ ᠳᠦᠷᠢᠮ ({ $source })᠄
report-source-own = ᠡᠨᠡ ᠱᠠᠲᠤ ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ
report-source-above = ᠳᠡᠭᠡᠳᠦ ᠱᠠᠲᠤ ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ
report-source-default = ᠠᠶᠠᠳᠠᠯ
report-weight-line = • { $component }᠄ ᠵᠢᠩᠬᠦ { $weight }
report-stars-level = { $stars } ≥ { $points }
report-stars-line = ᠣᠳᠤᠨ᠄ { $levels }᠂ ᠪᠤᠰᠤᠳ { $lowest }
report-score-explained = ᠣᠨᠤᠭ᠎ᠠ ᠶᠢ ᠶᠠᠭᠠᠵᠤ ᠪᠣᠳᠣᠬᠤ᠄ ᠬᠡᠰᠡᠭ ᠪᠦᠷᠢ ᠨᠢ ᠡᠨᠡ ᠬᠤᠭᠤᠴᠠᠭᠠᠨ ᠤ ᠨᠢᠭᠡ ᠬᠠᠷᠢᠴᠠᠭ᠎ᠠ — ᠱᠠᠭᠠᠷᠳᠠᠭᠳᠠᠬᠤ ᠬᠤᠷᠠᠯ ᠠᠴᠠ ᠬᠢᠭᠰᠡᠨ ᠨᠢ᠂ ᠬᠤᠷᠠᠯ ᠤᠨ ᠢᠷᠡᠯᠲᠡ᠂ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠬᠦᠮᠦᠨ·ᠰᠠᠷ᠎ᠠ ᠠᠴᠠ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ᠨᠢ᠂ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠨᠢ ᠬᠦᠷᠦᠭᠰᠡᠨ ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠠᠴᠠ ᠴᠠᠭ ᠲᠤ ᠨᠢ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ ᠨᠢ᠂ ᠣᠯᠠᠨ ᠲᠦᠮᠡᠨ ᠦ ᠳᠤᠮᠳᠠ ᠦᠨᠡᠯᠡᠭᠡ (5 ᠠᠴᠠ)᠂ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠵᠢᠭᠠᠯᠲᠠ ᠠᠴᠠ ᠪᠠᠲᠤᠯᠠᠭᠰᠠᠨ ᠨᠢ᠃ ᠣᠨᠤᠭ᠎ᠠ ᠨᠢ ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ ᠲᠠᠢ ᠬᠡᠰᠡᠭ ᠦᠳ ᠦᠨ ᠵᠢᠩᠬᠦ ᠲᠠᠢ ᠳᠤᠮᠳᠠᠵᠢ ᠶᠢ 100 ᠳᠤ ᠦᠷᠠᠵᠢᠭᠤᠯᠤᠭᠰᠠᠨ ᠨᠢ᠃ ᠡᠨᠡ ᠬᠤᠭᠤᠴᠠᠭᠠᠨ ᠳᠤ ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ ᠦᠭᠡᠢ ᠬᠡᠰᠡᠭ (ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠮᠡᠳᠡᠭᠦᠯᠡᠭᠡᠳᠦᠢ) ᠲᠣᠭᠠᠴᠠᠭᠳᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠲᠡᠭᠦᠨ ᠦ ᠵᠢᠩᠬᠦ ᠪᠤᠰᠤᠳ ᠬᠡᠰᠡᠭ ᠲᠦ ᠬᠤᠪᠢᠶᠠᠭᠳᠠᠨ᠎ᠠ᠃ ᠶᠠᠮᠠᠷ ᠴᠤ ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ ᠦᠭᠡᠢ ᠰᠠᠯᠪᠤᠷᠢ ᠣᠨᠤᠭ᠎ᠠ ᠠᠪᠬᠤ ᠦᠭᠡᠢ᠃ ᠳᠦᠷᠢᠮ ᠨᠢ ᠳᠣᠣᠷᠠᠬᠢ ᠪᠦᠬᠦ ᠰᠠᠯᠪᠤᠷᠢ ᠳᠤ ᠬᠠᠮᠢᠶᠠᠷᠤᠨ᠎ᠠ (ᠳᠣᠣᠷᠠᠬᠢ ᠬᠣᠷᠢᠶ᠎ᠠ ᠥᠪᠡᠷ ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ ᠠᠴᠠ ᠪᠤᠰᠤ)᠃
report-component-meetings = ᠬᠤᠷᠠᠯ ᠬᠢᠭᠰᠡᠨ
report-component-attendance = ᠬᠤᠷᠠᠯ ᠤᠨ ᠢᠷᠡᠯᠲᠡ
report-component-dues = ᠨᠠᠮ ᠤᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ
report-component-tickets = ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠴᠠᠭ ᠲᠤ ᠨᠢ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ
report-component-satisfaction = ᠣᠯᠠᠨ ᠲᠦᠮᠡᠨ ᠦ ᠰᠡᠳᠬᠢᠯ ᠬᠠᠨᠤᠮᠵᠢ
report-component-guidance = ᠵᠢᠭᠠᠯᠲᠠ ᠪᠠᠲᠤᠯᠠᠭᠰᠠᠨ
report-button-weight = { $sign } { $component } → { $weight }
report-button-stars = ★ ᠣᠳᠤᠨ ᠤ ᠬᠢᠵᠠᠭᠠᠷ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ
report-button-reset = ↺ ᠳᠡᠭᠡᠳᠦ ᠶᠢᠨ ᠳᠦᠷᠢᠮ ᠳᠤ ᠪᠤᠴᠠᠭᠠᠬᠤ
report-weight-saved = ✅ ᠬᠠᠳᠠᠭᠠᠯᠠᠪᠠ
report-weights-reset = ✅ ᠳᠡᠭᠡᠳᠦ ᠶᠢᠨ ᠳᠦᠷᠢᠮ (ᠡᠰᠡᠪᠡᠯ ᠠᠶᠠᠳᠠᠯ) ᠳᠠᠬᠢᠨ ᠬᠠᠮᠢᠶᠠᠷᠤᠨ᠎ᠠ
report-stars-ask = ᠳᠠᠷᠠᠭᠠᠯᠠᠨ ᠪᠠᠭᠠᠰᠬᠤ ᠳᠦᠷᠪᠡᠨ ᠣᠨᠤᠭ᠎ᠠ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠄ ᠲᠠᠪᠤ᠂ ᠳᠦᠷᠪᠡ᠂ ᠭᠤᠷᠪᠠ᠂ ᠬᠣᠶᠠᠷ ᠣᠳᠤᠨ ᠤ ᠬᠠᠮᠤᠭ ᠪᠠᠭ᠎ᠠ ᠣᠨᠤᠭ᠎ᠠ (1–100)᠂ ᠵᠠᠢ ᠪᠠᠷ ᠵᠠᠭᠰᠠᠭᠠᠷᠠᠢ᠃ ᠣᠳᠣ᠄ { $current }
report-stars-saved = ✅ ᠣᠳᠤᠨ ᠤ ᠬᠢᠵᠠᠭᠠᠷ ᠢ ᠬᠠᠳᠠᠭᠠᠯᠠᠪᠠ᠃
