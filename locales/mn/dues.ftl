command-dues = ᠨᠠᠮ ᠤᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ

## /dues: the member's account
dues-account-title = 💰 ᠮᠢᠨᠤ ᠨᠠᠮ ᠤᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ · { $branch }
dues-account-none = ᠰᠠᠯᠪᠤᠷᠢ ᠲᠠᠨ ᠤ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠶᠢ ᠲᠣᠭᠲᠠᠭᠠᠭᠠᠳᠤᠢ᠂ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠱᠤᠵᠢ ᠲᠠᠢ ᠬᠠᠷᠢᠯᠴᠠᠭᠠᠷᠠᠢ᠃
dues-account-category = ᠲᠥᠷᠥᠯ᠄ { $category }
dues-account-base = ᠪᠣᠳᠣᠬᠤ ᠰᠠᠭᠤᠷᠢ᠄ ᠰᠠᠷ᠎ᠠ ᠳᠤ { $base } ᠶᠤᠸᠠᠨ
dues-account-amount = ᠰᠠᠷ᠎ᠠ ᠪᠦᠷᠢ ᠲᠤᠰᠢᠶᠠᠬᠤ᠄ { $amount } ᠶᠤᠸᠠᠨ
dues-account-reduced = (ᠳᠦᠷᠢᠮ ᠢᠶᠡᠷ { $rule } ᠶᠤᠸᠠᠨ᠂ ᠬᠥᠩᠭᠡᠯᠡᠭᠰᠡᠨ ᠰᠢᠯᠲᠠᠭᠠᠨ᠄ { $reason })
dues-account-paid-year = { $year } ᠣᠨ ᠳᠤ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ᠄ { $months }
dues-account-paid-year-none = { $year } ᠣᠨ ᠳᠤ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠲᠤᠰᠢᠶᠠᠭᠠᠳᠤᠢ᠃
dues-account-owed = ᠲᠤᠰᠢᠶᠠᠭᠠᠳᠤᠢ ᠰᠠᠷ᠎ᠠ᠄ { $months }᠂ ᠪᠦᠭᠦᠳᠡ { $amount } ᠶᠤᠸᠠᠨ
dues-account-too-old = ᠡᠳᠡᠭᠡᠷ ᠦᠨ ᠳᠣᠳᠣᠷᠠᠬᠢ { $months } ᠵᠢᠷᠭᠤᠭᠠᠨ ᠰᠠᠷ᠎ᠠ ᠠᠴᠠ ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ ᠲᠤᠯᠠ ᠨᠥᠬᠥᠵᠦ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠂ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠱᠤᠵᠢ ᠲᠠᠢ ᠬᠠᠷᠢᠯᠴᠠᠭᠠᠷᠠᠢ᠃
dues-account-clear = ✅ ᠲᠤᠰᠢᠶᠠᠭᠠᠳᠤᠢ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃
dues-account-streak = ⚠ ᠦᠷᠭᠦᠯᠵᠢ { $count } ᠰᠠᠷ᠎ᠠ ᠲᠤᠰᠢᠶᠠᠭᠠᠳᠤᠢ᠃
dues-account-pending = { $count } ᠲᠤᠰᠢᠶᠠᠯᠲᠠ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠪᠠᠲᠤᠯᠠᠯᠲᠠ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ᠃
dues-home-officer = 📊 ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠬᠠᠮᠢᠶᠠᠷᠤᠯᠲᠠ᠄

dues-category-employed = ᠠᠵᠢᠯᠯᠠᠵᠤ ᠪᠠᠢᠭ᠎ᠠ
dues-category-retired = ᠲᠡᠳᠬᠦᠯᠡᠭ ᠲᠦ ᠭᠠᠷᠤᠭᠰᠠᠨ
dues-category-farmer = ᠠᠷᠠᠳ ᠮᠠᠯᠴᠢᠨ
dues-category-student = ᠰᠤᠷᠤᠭᠴᠢ
dues-category-low_income = ᠠᠵᠢᠯ ᠦᠭᠡᠢ᠂ ᠠᠮᠢᠳᠤᠷᠠᠯ ᠤᠨ ᠳᠤᠤᠷᠠᠳᠤ ᠪᠠᠲᠤᠯᠠᠭᠠ
dues-category-annual_salary = ᠵᠢᠯ ᠦᠨ ᠴᠠᠯᠢᠩ
dues-category-self_employed = ᠲᠣᠭᠲᠠᠮᠠᠯ ᠴᠠᠯᠢᠩ ᠦᠭᠡᠢ
dues-category-hardship = ᠠᠮᠢᠳᠤᠷᠠᠯ ᠬᠡᠴᠡᠭᠦᠦ (ᠬᠥᠩᠭᠡᠯᠡᠭᠰᠡᠨ)

dues-button-report = 💰 ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ᠢᠶᠠᠨ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ
dues-button-mine = 📜 ᠮᠢᠨᠤ ᠲᠤᠰᠢᠶᠠᠯᠲᠠ
dues-button-branch = 📊 { $branch }
dues-button-branches = 🏢 ᠰᠠᠯᠪᠤᠷᠢ ᠰᠣᠩᠭᠣᠬᠤ
dues-button-home = ↩ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠡᠬᠢᠨ ᠨᠢᠭᠤᠷ
dues-button-back = ↩ ᠪᠤᠴᠠᠬᠤ
dues-button-abort = ✖ ᠪᠣᠯᠢᠬᠤ
dues-button-next = ᠳᠠᠷᠠᠭᠠᠬᠢ ᠠᠯᠬᠤᠮ ▶
dues-button-accept-amount = ✅ { $amount } ᠶᠤᠸᠠᠨ ᠲᠤᠰᠢᠶᠠᠪᠠ
dues-button-skip-photo = ᠪᠠᠷᠢᠮᠲᠠ ᠦᠭᠡᠢ᠂ ᠠᠯᠭᠤᠰᠬᠤ
dues-button-submit = ✅ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ ᠢᠯᠡᠭᠡᠬᠦ
dues-button-paid-by = 👤 ᠪᠤᠰᠤᠳ ᠬᠦᠮᠦᠨ ᠣᠷᠣᠯᠠᠨ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ
dues-button-confirm = ✅ ᠪᠠᠲᠤᠯᠠᠬᠤ
dues-button-reject = ✖ ᠪᠤᠴᠠᠭᠠᠬᠤ
dues-button-receipt = 📷 ᠪᠠᠷᠢᠮᠲᠠ
dues-button-prev-month = ◀ ᠥᠩᠭᠡᠷᠡᠭᠰᠡᠨ ᠰᠠᠷ᠎ᠠ
dues-button-next-month = ᠳᠠᠷᠠᠭᠠᠬᠢ ᠰᠠᠷ᠎ᠠ ▶
dues-button-pending = 🧾 ᠪᠠᠲᠤᠯᠠᠬᠤ ({ $count })
dues-button-record = ✍ ᠲᠤᠰᠢᠶᠠᠯᠲᠠ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ
dues-button-assess = ⚙ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ
dues-button-year = 📅 ᠵᠢᠯ ᠦᠨ ᠳᠦᠩ
dues-button-month-xlsx = 📥 ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠳᠠᠩᠰᠠ
dues-button-year-xlsx = 📥 ᠵᠢᠯ ᠦᠨ ᠳᠠᠩᠰᠠ
dues-button-all-unpaid = ᠡᠨᠡ ᠰᠠᠷ᠎ᠠ ᠳᠤ ᠲᠤᠰᠢᠶᠠᠭᠠᠳᠤᠢ ᠪᠦᠬᠦ ᠭᠡᠰᠢᠭᠦᠳ ᠢ ᠰᠣᠩᠭᠣᠬᠤ
dues-button-this-month = ᠡᠨᠡ ᠰᠠᠷ᠎ᠠ ({ $month })
dues-button-quarter = ᠡᠨᠡ ᠤᠯᠢᠷᠠᠯ ({ $quarter })
dues-button-choose-months = ᠰᠠᠷ᠎ᠠ ᠰᠣᠩᠭᠣᠬᠤ
dues-button-no-paid-by = ᠥᠪᠡᠷ ᠥᠪᠡᠷ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ
dues-button-record-confirm = ✅ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ
dues-button-no-reduction = ᠬᠥᠩᠭᠡᠯᠡᠬᠦ ᠦᠭᠡᠢ
dues-button-save = ✅ ᠬᠠᠳᠠᠭᠠᠯᠠᠬᠤ
dues-branches-title = ᠶᠠᠮᠠᠷ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢ ᠦᠵᠡᠬᠦ ᠪᠤᠢ?
dues-not-assessed-mark = ᠲᠣᠭᠲᠠᠭᠠᠭᠠᠳᠤᠢ

dues-mine-title = 📜 ᠮᠢᠨᠤ ᠲᠤᠰᠢᠶᠠᠯᠲᠠ
dues-mine-empty = ᠲᠤᠰᠢᠶᠠᠯᠲᠠ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃
dues-mine-line = { $date } · { $months } · { $amount } ᠶᠤᠸᠠᠨ · { $status }
dues-mine-note = ↳ ᠪᠤᠴᠠᠭᠠᠭᠰᠠᠨ ᠰᠢᠯᠲᠠᠭᠠᠨ᠄ { $reason }
dues-status-reported = ᠪᠠᠲᠤᠯᠠᠯᠲᠠ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ
dues-status-confirmed = ᠪᠠᠲᠤᠯᠠᠭᠰᠠᠨ
dues-status-rejected = ᠪᠤᠴᠠᠭᠠᠭᠰᠠᠨ

## reporting a payment
dues-nothing-to-pay = ᠣᠳᠣ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠰᠠᠷ᠎ᠠ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃
dues-report-ask-months = ᠶᠠᠮᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ᠪᠤᠢ? ᠰᠠᠷ᠎ᠠ ᠶᠢ ᠳᠠᠷᠤᠵᠤ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ ({ $count } ᠰᠠᠷ᠎ᠠ᠂ ᠪᠦᠭᠦᠳᠡ { $total } ᠶᠤᠸᠠᠨ)᠃
dues-report-ask-amount = { $months }᠄ ᠪᠦᠭᠦᠳᠡ { $total } ᠶᠤᠸᠠᠨ ᠲᠤᠰᠢᠶᠠᠬᠤ᠃ ᠡᠨᠡ ᠳᠦᠩ ᠢ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ᠪᠣᠯ ᠳᠠᠷᠤᠭᠤᠯ ᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠂ ᠢᠯᠡᠭᠦᠦ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ᠪᠣᠯ ᠪᠣᠳᠠᠲᠤ ᠳᠦᠩ ᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ (ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ 50 ᠡᠰᠡᠪᠡᠯ 50.5)᠃
dues-report-ask-photo = ᠳᠦᠩ᠄ { $amount } ᠶᠤᠸᠠᠨ᠃ ᠰᠢᠯᠵᠢᠭᠦᠯᠦᠭᠰᠡᠨ ᠡᠰᠡᠪᠡᠯ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠵᠢᠷᠤᠭ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠦᠭᠡᠢ ᠪᠣᠯ “ᠠᠯᠭᠤᠰᠬᠤ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
dues-report-photo-expected = ᠵᠢᠷᠤᠭ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠡᠰᠡᠪᠡᠯ “ᠠᠯᠭᠤᠰᠬᠤ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
dues-report-confirm = ᠬᠢᠨᠠᠭᠠᠳ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠄
dues-report-ask-paid-by = ᠣᠷᠣᠯᠠᠨ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ᠬᠦᠮᠦᠨ ᠦ ᠨᠡᠷ᠎ᠡ ᠶᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠃
dues-report-sent = ✅ “{ $branch }” ᠳᠤ ᠮᠡᠳᠡᠭᠦᠯᠪᠡ᠃ ᠰᠠᠯᠪᠤᠷᠢ ᠪᠠᠲᠤᠯᠠᠪᠠᠯ ᠲᠠᠨ ᠳᠤ ᠮᠡᠳᠡᠭᠳᠡᠨ᠎ᠡ᠃
dues-aborted = ᠪᠣᠯᠢᠪᠠ᠃

dues-payment-months = ᠰᠠᠷ᠎ᠠ᠄ { $months }
dues-payment-amount = ᠳᠦᠩ᠄ { $amount } ᠶᠤᠸᠠᠨ (ᠲᠤᠰᠢᠶᠠᠬᠤ ᠨᠢ { $due } ᠶᠤᠸᠠᠨ)
dues-payment-extra = ᠦᠦᠨ ᠡᠴᠡ ᠰᠠᠶᠤᠨ ᠳᠤᠷᠠ ᠪᠡᠷ ᠢᠯᠡᠭᠦᠦ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ᠨᠢ { $amount } ᠶᠤᠸᠠᠨ
dues-payment-paid-by = ᠣᠷᠣᠯᠠᠨ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ᠄ { $name }
dues-payment-receipt = 📷 ᠪᠠᠷᠢᠮᠲᠠ ᠬᠠᠪᠰᠤᠷᠭᠠᠭᠰᠠᠨ

## officers: reports to confirm
dues-notice-reported = 🧾 { $name } ᠨᠠᠮ ᠤᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ᠢᠶᠠᠨ ᠮᠡᠳᠡᠭᠦᠯᠪᠡ ({ $branch })᠂ ᠬᠢᠨᠠᠭᠠᠳ ᠪᠠᠲᠤᠯᠠᠭᠠᠷᠠᠢ᠄
dues-notice-confirmed = ✅ ᠲᠠᠨ ᠤ ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ ({ $months }᠂ { $amount } ᠶᠤᠸᠠᠨ) ᠶᠢ ᠰᠠᠯᠪᠤᠷᠢ ᠪᠠᠲᠤᠯᠠᠪᠠ᠃
dues-notice-rejected = ✖ ᠲᠠᠨ ᠤ ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ ({ $months }᠂ { $amount } ᠶᠤᠸᠠᠨ) ᠶᠢ ᠰᠠᠯᠪᠤᠷᠢ ᠪᠤᠴᠠᠭᠠᠪᠠ᠄ { $reason }
    /dues ᠢᠶᠡᠷ ᠳᠠᠬᠢᠨ ᠮᠡᠳᠡᠭᠦᠯᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃
dues-card-title = 🧾 { $name } ᠦᠨ ᠲᠤᠰᠢᠶᠠᠯᠲᠠ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ · { $status }
dues-confirmed-done = ✅ { $name } ᠦᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢ ᠪᠠᠲᠤᠯᠠᠪᠠ᠄
dues-reject-ask = { $name } ᠦᠨ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ ᠶᠢ ᠪᠤᠴᠠᠭᠠᠬᠤ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ (ᠲᠡᠭᠦᠨ ᠳᠦ ᠮᠡᠳᠡᠭᠳᠡᠨ᠎ᠡ)᠃
dues-rejected-done = { $name } ᠦᠨ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ ᠶᠢ ᠪᠤᠴᠠᠭᠠᠵᠤ᠂ ᠲᠡᠭᠦᠨ ᠳᠦ ᠮᠡᠳᠡᠭᠦᠯᠪᠡ᠃
dues-pending-title = 🧾 ᠪᠠᠲᠤᠯᠠᠯᠲᠠ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠭ᠎ᠠ { $count } ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ᠄
dues-pending-empty = ᠪᠠᠲᠤᠯᠠᠬᠤ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃

## a branch's overview
dues-overview-title = 📊 { $branch } · { $month } ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ
dues-overview-none = ᠶᠠᠮᠠᠷ ᠴᠤ ᠭᠡᠰᠢᠭᠦᠨ ᠦ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠲᠣᠭᠲᠠᠭᠠᠭᠠᠳᠤᠢ᠃
dues-overview-totals = ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ { $assessed } ᠬᠦᠮᠦᠨ᠄ ᠲᠤᠰᠢᠶᠠᠬᠤ { $due } ᠶᠤᠸᠠᠨ᠂ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ { $paid } ᠶᠤᠸᠠᠨ ({ $count } ᠬᠦᠮᠦᠨ)
dues-overview-unpaid = ᠲᠤᠰᠢᠶᠠᠭᠠᠳᠤᠢ { $count } ᠬᠦᠮᠦᠨ᠄
dues-overview-unpaid-line = • { $name } { $amount } ᠶᠤᠸᠠᠨ{ $streak ->
    [0] {""}
   *[other] {" "}(ᠦᠷᠭᠦᠯᠵᠢ { $streak } ᠰᠠᠷ᠎ᠠ ᠲᠤᠰᠢᠶᠠᠭᠠᠳᠤᠢ)
}
dues-overview-more = … ᠪᠤᠰᠤᠳ { $count } ᠬᠦᠮᠦᠨ
dues-overview-all-paid = ✅ ᠡᠨᠡ ᠰᠠᠷ᠎ᠠ ᠳᠤ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠭᠡᠰᠢᠭᠦᠳ ᠪᠦᠭᠦᠳᠡ ᠲᠤᠰᠢᠶᠠᠪᠠ᠃
dues-overview-unassessed = ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠲᠣᠭᠲᠠᠭᠠᠭᠠᠳᠤᠢ { $count } ᠭᠡᠰᠢᠭᠦᠨ᠄ { $names }
dues-overview-pending = 🧾 ᠪᠠᠲᠤᠯᠠᠯᠲᠠ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠭ᠎ᠠ { $count } ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ
dues-year-title = 📅 { $branch } · { $year } ᠣᠨ ᠤ ᠲᠠᠲᠠᠪᠤᠷᠢ
dues-year-line = { $month }᠄ ᠲᠤᠰᠢᠶᠠᠬᠤ { $due } ᠶᠤᠸᠠᠨ᠂ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ { $paid } ᠶᠤᠸᠠᠨ
dues-year-totals = ᠵᠢᠯ ᠦᠨ ᠳᠦᠩ᠄ ᠲᠤᠰᠢᠶᠠᠬᠤ { $due } ᠶᠤᠸᠠᠨ᠂ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ { $paid } ᠶᠤᠸᠠᠨ᠂ ᠲᠤᠰᠢᠶᠠᠭᠠᠳᠤᠢ { $arrears } ᠶᠤᠸᠠᠨ

## recording payments
dues-record-no-members = ᠲᠠᠲᠠᠪᠤᠷᠢ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠭᠡᠰᠢᠭᠦᠨ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠂ ᠡᠬᠢᠯᠡᠭᠡᠳ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠶᠢ ᠲᠣᠭᠲᠠᠭᠠᠭᠠᠷᠠᠢ᠃
dues-record-ask-members = ᠬᠡᠨ ᠦ ᠲᠤᠰᠢᠶᠠᠯᠲᠠ ᠶᠢ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ ᠪᠤᠢ? ᠨᠡᠷ᠎ᠡ ᠶᠢ ᠳᠠᠷᠤᠵᠤ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ ({ $count } ᠰᠣᠩᠭᠣᠭᠰᠠᠨ᠂ ✔ ᠨᠢ ᠡᠨᠡ ᠰᠠᠷ᠎ᠠ ᠳᠤ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ)᠃
dues-record-ask-months = { $count } ᠬᠦᠮᠦᠨ ᠰᠣᠩᠭᠣᠭᠰᠠᠨ᠃ ᠶᠠᠮᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ ᠪᠤᠢ?
dues-record-choose-months = ᠰᠠᠷ᠎ᠠ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ (ᠡᠮᠦᠨᠡᠬᠢ ᠵᠢᠷᠭᠤᠭᠠᠨ ᠰᠠᠷ᠎ᠠ ᠶᠢ ᠨᠥᠬᠥᠵᠦ᠂ ᠳᠠᠷᠠᠭᠠᠬᠢ ᠭᠤᠷᠪᠠᠨ ᠰᠠᠷ᠎ᠠ ᠶᠢ ᠤᠷᠢᠳᠴᠢᠯᠠᠨ ᠲᠤᠰᠢᠶᠠᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ)᠄
dues-record-ask-paid-by = ᠪᠤᠰᠤᠳ ᠬᠦᠮᠦᠨ ᠣᠷᠣᠯᠠᠨ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ᠪᠣᠯ (ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ ᠪᠦᠯᠦᠭ ᠦᠨ ᠳᠠᠷᠤᠭ᠎ᠠ ᠬᠤᠷᠢᠶᠠᠭᠰᠠᠨ) ᠨᠡᠷ᠎ᠡ ᠶᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠂ ᠦᠭᠡᠢ ᠪᠣᠯ ᠳᠠᠷᠤᠭᠤᠯ ᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
dues-record-preview = { $count } ᠬᠦᠮᠦᠨ ᠦ { $months } ᠶᠢ ᠪᠦᠷᠢᠳᠬᠡᠨ᠎ᠡ᠂ ᠪᠦᠭᠦᠳᠡ { $total } ᠶᠤᠸᠠᠨ (ᠣᠷᠣᠯᠠᠨ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ᠄ { $paid_by })᠄
dues-record-line = • { $name }᠄ { $months }᠂ { $amount } ᠶᠤᠸᠠᠨ
dues-record-skipped-paid = ↳ { $name } ᠦᠨ { $months } ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ᠲᠤᠯᠠ ᠠᠯᠭᠤᠰᠪᠠ
dues-record-skipped-pending = ↳ { $name } ᠦᠨ { $months } ᠥᠪᠡᠷ ᠥᠪᠡᠷ ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ᠂ “ᠪᠠᠲᠤᠯᠠᠬᠤ” ᠳᠤ ᠪᠠᠲᠤᠯᠠᠭᠠᠷᠠᠢ᠂ ᠠᠯᠭᠤᠰᠪᠠ
dues-record-skipped-not-due = ↳ { $name } ᠦᠨ { $months } ᠳᠤ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠵᠦᠢᠯ ᠦᠭᠡᠢ᠂ ᠠᠯᠭᠤᠰᠪᠠ
dues-record-nothing = ᠪᠦᠷᠢᠳᠬᠡᠬᠦ ᠰᠠᠷ᠎ᠠ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃
dues-record-done = ✅ { $count } ᠬᠦᠮᠦᠨ ᠦ ᠲᠤᠰᠢᠶᠠᠯᠲᠠ ᠶᠢ ᠪᠦᠷᠢᠳᠬᠡᠪᠡ᠂ ᠪᠦᠭᠦᠳᠡ { $total } ᠶᠤᠸᠠᠨ᠄

## dues settings
dues-assess-no-members = ᠡᠨᠡ ᠰᠠᠯᠪᠤᠷᠢ ᠳᠤ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠨ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃
dues-assess-ask-member = ᠬᠡᠨ ᠦ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠶᠢ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠪᠤᠢ?
dues-assess-ask-category = { $name } ᠶᠠᠮᠠᠷ ᠲᠥᠷᠥᠯ ᠳᠤ ᠬᠠᠮᠢᠶᠠᠷᠠᠬᠤ ᠪᠤᠢ?
dues-assess-ask-base = { $name } ᠦᠨ ᠪᠣᠳᠣᠬᠤ ᠰᠠᠭᠤᠷᠢ ᠶᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ ({ $category }᠄ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠳᠠᠷᠠᠭᠠᠬᠢ ᠴᠠᠯᠢᠩ ᠡᠰᠡᠪᠡᠯ ᠲᠡᠳᠬᠦᠯᠡᠭ᠂ ᠶᠤᠸᠠᠨ)᠂ ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ 4500᠃
dues-assess-ask-reduction = ᠳᠦᠷᠢᠮ ᠢᠶᠡᠷ { $name } ᠰᠠᠷ᠎ᠠ ᠳᠤ { $rule } ᠶᠤᠸᠠᠨ ᠲᠤᠰᠢᠶᠠᠨ᠎ᠠ᠃ ᠬᠥᠩᠭᠡᠯᠡᠬᠦ ᠶᠢ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠭᠰᠡᠨ ᠪᠣᠯ ᠬᠥᠩᠭᠡᠯᠡᠭᠰᠡᠨ ᠳᠦᠩ ᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ (0 ᠪᠣᠯ ᠴᠢᠯᠥᠭᠡᠯᠡᠨ᠎ᠡ)᠂ ᠦᠭᠡᠢ ᠪᠣᠯ “ᠬᠥᠩᠭᠡᠯᠡᠬᠦ ᠦᠭᠡᠢ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
dues-assess-ask-hardship = { $name } ᠦᠨ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠭᠰᠡᠨ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ (0 ᠪᠣᠯ ᠴᠢᠯᠥᠭᠡᠯᠡᠨ᠎ᠡ)᠃
dues-assess-ask-reason = ᠬᠥᠩᠭᠡᠯᠡᠭᠰᠡᠨ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ (ᠲᠡᠮᠳᠡᠭᠯᠡᠨ ᠬᠠᠳᠠᠭᠠᠯᠠᠨ᠎ᠠ)᠃
dues-assess-preview = ᠬᠢᠨᠠᠭᠠᠷᠠᠢ᠄ { $name } · { $category } · ᠰᠠᠷ᠎ᠠ ᠳᠤ { $amount } ᠶᠤᠸᠠᠨ
dues-assess-saved = ✅ ᠬᠠᠳᠠᠭᠠᠯᠠᠪᠠ᠄ { $name } { $month } ᠡᠴᠡ ᠡᠬᠢᠯᠡᠨ ᠰᠠᠷ᠎ᠠ ᠳᠤ { $amount } ᠶᠤᠸᠠᠨ ᠲᠤᠰᠢᠶᠠᠨ᠎ᠠ᠃

## ᠲᠠᠲᠠᠪᠤᠷᠢ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠡᠳᠦᠷ ᠪᠠ ᠠᠷᠠᠳ ᠮᠠᠯᠴᠢᠨ ᠤ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠬᠡᠮᠵᠢᠶ᠎ᠡ
dues-button-dues-day = 📅 ᠲᠠᠲᠠᠪᠤᠷᠢ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠡᠳᠦᠷ ᠢ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ
dues-button-farmer = 🌾 ᠠᠷᠠᠳ ᠮᠠᠯᠴᠢᠨ ᠤ ᠲᠠᠲᠠᠪᠤᠷᠢ · { $committee }
dues-source-own = ᠡᠨᠡ ᠱᠠᠲᠤ ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ
dues-source-from = { $org } ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ
dues-source-default = ᠠᠶᠠᠳᠠᠯ
dues-day-line = 📅 ᠲᠠᠲᠠᠪᠤᠷᠢ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠡᠳᠦᠷ᠄ ᠰᠠᠷ᠎ᠠ ᠪᠦᠷᠢ ᠶᠢᠨ { $day } ({ $source })
dues-farmer-line = 🌾 { $committee }᠄ ᠠᠷᠠᠳ ᠮᠠᠯᠴᠢᠨ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠰᠠᠷ᠎ᠠ ᠳᠤ { $amount } ᠶᠤᠸᠠᠨ ᠲᠤᠰᠢᠶᠠᠨ᠎ᠠ ({ $source })
dues-day-ask = { $branch }᠄ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠡᠳᠦᠷ ᠨᠢ ᠰᠠᠷ᠎ᠠ ᠪᠦᠷᠢ ᠶᠢᠨ { $day } ({ $source })᠃ ᠲᠡᠷᠡ ᠡᠳᠦᠷ ᠦᠨ 9:00 ᠴᠠᠭ ᠲᠤ ᠭᠡᠰᠢᠭᠦᠳ ᠲᠦ ᠰᠠᠨᠠᠭᠤᠯᠤᠨ᠎ᠠ᠂ { $digest } ᠡᠳᠦᠷ ᠦᠨ ᠳᠠᠷᠠᠭ᠎ᠠ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠬᠣᠷᠢᠶ᠎ᠠ ᠳᠤ ᠬᠤᠷᠢᠶᠠᠩᠭᠤᠢ ᠢᠯᠡᠭᠡᠵᠦ᠂ ᠲᠤᠰᠢᠶᠠᠭᠠᠳᠤᠢ ᠰᠠᠷ᠎ᠠ ᠶᠢ ᠥᠷ᠎ᠡ ᠳᠤ ᠲᠣᠭᠠᠴᠠᠨ᠎ᠠ᠃
    ᠰᠢᠨ᠎ᠡ ᠡᠳᠦᠷ ᠢ 1 ᠡᠴᠡ 28 ᠬᠦᠷᠲᠡᠯ᠎ᠡ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ (ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ 15)᠃
dues-day-saved = ✅ { $branch }᠄ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠡᠳᠦᠷ ᠢ ᠰᠠᠷ᠎ᠠ ᠪᠦᠷᠢ ᠶᠢᠨ { $day } ᠪᠣᠯᠭᠠᠪᠠ᠃
    ᠭᠡᠰᠢᠭᠦᠳ ᠲᠦ ᠳᠠᠷᠠᠭᠠᠴᠢᠨ ᠰᠠᠨᠠᠭᠤᠯᠬᠤ᠄ { $reminder }
    ᠬᠣᠷᠢᠶ᠎ᠠ ᠳᠤ ᠳᠠᠷᠠᠭᠠᠴᠢᠨ ᠬᠤᠷᠢᠶᠠᠩᠭᠤᠢ ᠢᠯᠡᠭᠡᠬᠦ᠄ { $digest }
dues-farmer-ask = { $committee }᠄ ᠠᠷᠠᠳ ᠮᠠᠯᠴᠢᠨ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠰᠠᠷ᠎ᠠ ᠳᠤ { $amount } ᠶᠤᠸᠠᠨ ᠲᠤᠰᠢᠶᠠᠨ᠎ᠠ ({ $source })᠃ ᠥᠪᠡᠷ ᠲᠣᠭᠲᠠᠭᠠᠭᠠᠳᠤᠢ ᠳᠣᠣᠷᠠᠬᠢ ᠰᠠᠯᠪᠤᠷᠢ ᠨᠤᠭᠤᠳ ᠡᠨᠡ ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠪᠡᠷ ᠲᠣᠭᠲᠠᠭᠠᠨ᠎ᠠ᠃
    ᠰᠢᠨ᠎ᠡ ᠳᠦᠩ ᠢ { $min } ᠡᠴᠡ { $max } ᠶᠤᠸᠠᠨ ᠬᠦᠷᠲᠡᠯ᠎ᠡ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ (ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ 0.5)᠃
dues-farmer-saved = ✅ { $committee }᠄ ᠠᠷᠠᠳ ᠮᠠᠯᠴᠢᠨ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠦᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢ ᠰᠠᠷ᠎ᠠ ᠳᠤ { $amount } ᠶᠤᠸᠠᠨ ᠪᠣᠯᠭᠠᠪᠠ᠂ ᠡᠨᠡ ᠡᠴᠡ ᠬᠣᠢᠰᠢ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠳᠤ ᠬᠡᠷᠡᠭᠯᠡᠨ᠎ᠡ᠃
    ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠦᠨ ᠳᠦᠩ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠬᠦ ᠦᠭᠡᠢ᠄ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠱᠤᠵᠢ ᠳᠠᠬᠢᠨ ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ᠰᠢᠨ᠎ᠡ ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠪᠡᠷ ᠲᠤᠰᠢᠶᠠᠨ᠎ᠠ᠃

## the XLSX ledger
dues-xlsx-title-month = { $branch } { $month } ᠨᠠᠮ ᠤᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠳᠠᠩᠰᠠ
dues-xlsx-title-year = { $branch } { $year } ᠣᠨ ᠤ ᠨᠠᠮ ᠤᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠳᠠᠩᠰᠠ
dues-xlsx-member = ᠨᠡᠷ᠎ᠡ
dues-xlsx-category = ᠲᠥᠷᠥᠯ
dues-xlsx-due = ᠲᠤᠰᠢᠶᠠᠬᠤ (ᠶᠤᠸᠠᠨ)
dues-xlsx-paid = ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ (ᠶᠤᠸᠠᠨ)
dues-xlsx-paid-on = ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ᠡᠳᠦᠷ
dues-xlsx-arrears-months = ᠲᠤᠰᠢᠶᠠᠭᠠᠳᠤᠢ ᠰᠠᠷ᠎ᠠ
dues-xlsx-arrears = ᠲᠤᠰᠢᠶᠠᠭᠠᠳᠤᠢ ᠳᠦᠩ (ᠶᠤᠸᠠᠨ)
dues-xlsx-total = ᠨᠡᠢᠲᠡ
dues-xlsx-due-total = ᠵᠢᠯ ᠳᠤ ᠲᠤᠰᠢᠶᠠᠬᠤ (ᠶᠤᠸᠠᠨ)
dues-xlsx-paid-total = ᠵᠢᠯ ᠳᠤ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ (ᠶᠤᠸᠠᠨ)

## errors
dues-error-not-member = ᠡᠨᠡ ᠨᠢ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠬᠡᠰᠡᠭ᠂ ᠲᠠ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠨ ᠪᠢᠰᠢ᠃
dues-error-nothing = ᠨᠠᠮ ᠤᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠬᠡᠰᠡᠭ ᠨᠢ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠪᠠ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠬᠣᠷᠢᠶ᠎ᠠ ᠳᠤ ᠵᠣᠷᠢᠭᠤᠯᠤᠭᠳᠠᠨ᠎ᠠ᠃
dues-error-no-months = ᠳᠣᠷᠤᠭᠤᠯ ᠨᠢᠭᠡ ᠰᠠᠷ᠎ᠠ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃
dues-error-month-pending = { $month } ᠨᠢ ᠪᠠᠲᠤᠯᠠᠯᠲᠠ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠭ᠎ᠠ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ ᠳᠦ ᠪᠠᠢᠨ᠎ᠠ᠃
dues-error-month-paid = { $month } ᠶᠢ ᠲᠤᠰᠢᠶᠠᠴᠢᠬᠠᠭᠰᠠᠨ᠃
dues-error-month-window = { $month } ᠶᠢ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠄ ᠡᠮᠦᠨᠡᠬᠢ ᠵᠢᠷᠭᠤᠭᠠᠨ᠂ ᠳᠠᠷᠠᠭᠠᠬᠢ ᠭᠤᠷᠪᠠᠨ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠯᠠ ᠲᠤᠰᠢᠶᠠᠭᠳᠠᠨ᠎ᠠ᠃
dues-error-amount = ᠳᠦᠩ ᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠂ ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ 12 ᠡᠰᠡᠪᠡᠯ 12.50᠃
dues-error-amount-large = ᠳᠦᠩ { $max } ᠶᠤᠸᠠᠨ ᠠᠴᠠ ᠢᠯᠡᠭᠦᠦ ᠪᠣᠯᠵᠤ ᠦᠯᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃
dues-error-amount-low = ᠳᠦᠩ ᠲᠤᠰᠢᠶᠠᠬᠤ { $total } ᠶᠤᠸᠠᠨ ᠠᠴᠠ ᠪᠠᠭ᠎ᠠ ᠪᠣᠯᠵᠤ ᠦᠯᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃
dues-error-paid-by = ᠨᠡᠷ᠎ᠡ ᠬᠠᠮᠤᠭ ᠣᠯᠠᠨ ᠳᠠᠭᠠᠨ { $max } ᠦᠰᠦᠭ᠃
dues-error-payment-gone = ᠡᠨᠡ ᠲᠤᠰᠢᠶᠠᠯᠲᠠ ᠣᠯᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃
dues-error-already-confirmed = ᠡᠨᠡ ᠲᠤᠰᠢᠶᠠᠯᠲᠠ ᠶᠢ ᠪᠠᠲᠤᠯᠠᠴᠢᠬᠠᠭᠰᠠᠨ᠂ ᠳᠠᠬᠢᠨ ᠪᠠᠲᠤᠯᠠᠬᠤ ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ᠃
dues-error-already-rejected = ᠡᠨᠡ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ ᠶᠢ ᠪᠤᠴᠠᠭᠠᠴᠢᠬᠠᠭᠰᠠᠨ᠃
dues-error-confirm-paid = ᠪᠠᠲᠤᠯᠠᠬᠤ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠄ { $months } ᠶᠢ ᠡᠨᠡ ᠬᠤᠭᠤᠴᠠᠭᠠᠨ ᠳᠤ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ᠭᠡᠵᠦ ᠪᠦᠷᠢᠳᠬᠡᠭᠰᠡᠨ᠃ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ ᠶᠢ ᠪᠤᠴᠠᠭᠠᠵᠤ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃
dues-error-confirm-not-due = ᠪᠠᠲᠤᠯᠠᠬᠤ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠄ ᠵᠠᠷᠢᠮ ᠰᠠᠷ᠎ᠠ ᠳᠤ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠵᠦᠢᠯ ᠦᠭᠡᠢ ᠪᠣᠯᠵᠠᠢ (ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ)᠃ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ ᠶᠢ ᠪᠤᠴᠠᠭᠠᠭᠠᠷᠠᠢ᠃
dues-error-confirm-amount = ᠪᠠᠲᠤᠯᠠᠬᠤ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠄ ᠳᠦᠩ ᠣᠳᠣ ᠲᠤᠰᠢᠶᠠᠬᠤ { $total } ᠶᠤᠸᠠᠨ ᠠᠴᠠ ᠪᠠᠭ᠎ᠠ (ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ)᠃ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ ᠶᠢ ᠪᠤᠴᠠᠭᠠᠭᠠᠷᠠᠢ᠃
dues-error-reason = ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ (ᠬᠠᠮᠤᠭ ᠣᠯᠠᠨ ᠳᠠᠭᠠᠨ { $max } ᠦᠰᠦᠭ)᠃
dues-error-base-missing = ᠡᠨᠡ ᠲᠥᠷᠥᠯ ᠳᠤ ᠪᠣᠳᠣᠬᠤ ᠰᠠᠭᠤᠷᠢ ᠬᠡᠷᠡᠭᠲᠡᠢ᠃
dues-error-base-range = ᠪᠣᠳᠣᠬᠤ ᠰᠠᠭᠤᠷᠢ 0 ᠡᠴᠡ { $max } ᠶᠤᠸᠠᠨ ᠤ ᠬᠣᠭᠣᠷᠣᠨᠳᠤ ᠪᠠᠢᠨ᠎ᠠ᠃
dues-error-base-zero = ᠡᠨᠡ ᠪᠣᠳᠣᠬᠤ ᠰᠠᠭᠤᠷᠢ ᠪᠠᠷ ᠰᠠᠷ᠎ᠠ ᠳᠤ 0 ᠶᠤᠸᠠᠨ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠪᠣᠯᠬᠤ ᠲᠤᠯᠠ ᠬᠢᠨᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠃ ᠴᠢᠯᠥᠭᠡᠯᠡᠬᠦ ᠪᠣᠯ ᠪᠣᠳᠠᠲᠤ ᠪᠣᠳᠣᠬᠤ ᠰᠠᠭᠤᠷᠢ ᠪᠠᠨ ᠪᠢᠴᠢᠭᠡᠳ᠂ ᠬᠥᠩᠭᠡᠯᠡᠭᠰᠡᠨ ᠳᠦᠩ ᠢ 0 ᠭᠡᠵᠦ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠃
dues-error-hardship = ᠠᠮᠢᠳᠤᠷᠠᠯ ᠬᠡᠴᠡᠭᠦᠦ ᠭᠡᠰᠢᠭᠦᠨ ᠳᠤ ᠬᠥᠩᠭᠡᠯᠡᠭᠰᠡᠨ ᠳᠦᠩ ᠬᠡᠷᠡᠭᠲᠡᠢ᠃
dues-error-reduction = ᠬᠥᠩᠭᠡᠯᠡᠭᠰᠡᠨ ᠳᠦᠩ 0 ᠡᠴᠡ { $max } ᠶᠤᠸᠠᠨ ᠤ ᠬᠣᠭᠣᠷᠣᠨᠳᠤ ᠪᠠᠢᠨ᠎ᠠ᠃
dues-error-member = ᠡᠨᠡ ᠬᠦᠮᠦᠨ ᠡᠨᠡ ᠰᠠᠯᠪᠤᠷᠢ ᠳᠤ ᠲᠠᠲᠠᠪᠤᠷᠢ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠭᠡᠰᠢᠭᠦᠨ ᠪᠢᠰᠢ᠃
dues-error-ledger-month = ᠡᠨᠡ ᠰᠠᠷ᠎ᠠ ᠪᠠ ᠡᠮᠦᠨᠡᠬᠢ ᠰᠠᠷ᠎ᠠ ᠶᠢ ᠯᠠ ᠦᠵᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃
dues-error-no-members = ᠳᠣᠷᠤᠭᠤᠯ ᠨᠢᠭᠡ ᠭᠡᠰᠢᠭᠦᠨ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃
dues-error-batch-large = ᠨᠢᠭᠡ ᠤᠳᠠᠭ᠎ᠠ ᠬᠠᠮᠤᠭ ᠣᠯᠠᠨ ᠳᠠᠭᠠᠨ { $max } ᠬᠦᠮᠦᠨ ᠪᠦᠷᠢᠳᠬᠡᠨ᠎ᠡ᠃
dues-error-race = ᠰᠠᠶᠢᠬᠠᠨ ᠪᠤᠰᠤᠳ ᠬᠦᠮᠦᠨ ᠡᠳᠡᠭᠡᠷ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠪᠡ᠂ ᠳᠠᠬᠢᠨ ᠡᠬᠢᠯᠡᠭᠡᠷᠡᠢ᠃
dues-error-category = ᠳᠠᠷᠤᠭᠤᠯ ᠠᠴᠠ ᠲᠥᠷᠥᠯ ᠢᠶᠡᠨ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃
dues-error-dues-day = 1 ᠡᠴᠡ 28 ᠬᠦᠷᠲᠡᠯ᠎ᠡ ᠡᠳᠦᠷ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠂ ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ 15᠃
dues-error-farmer-range = { $min } ᠡᠴᠡ { $max } ᠶᠤᠸᠠᠨ ᠬᠦᠷᠲᠡᠯ᠎ᠡ ᠳᠦᠩ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠂ ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ 0.5᠃
