command-guidance = ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠠᠯᠲᠠ
command-coverage = ᠵᠢᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠬᠡᠷᠡᠭᠵᠢᠯᠲᠡ
command-themedday = ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ

## ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠠᠯᠲᠠ᠄ ᠪᠢᠴᠢᠬᠦ ᠪᠠ ᠨᠡᠢᠲᠡᠯᠡᠬᠦ (ᠬᠣᠷᠢᠶ᠎ᠠ ᠶᠢᠨ ᠬᠠᠮᠢᠶᠠᠷᠤᠭᠴᠢ)
guidance-choose-committee = ᠶᠠᠮᠠᠷ ᠨᠠᠮ ᠤᠨ ᠬᠣᠷᠢᠶ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠠᠯᠲᠠ ᠪᠤᠢ?
guidance-months-header = “{ $committee }” ᠦᠨ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠠᠯᠲᠠ᠃ ᠪᠢᠴᠢᠬᠦ᠂ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ ᠡᠰᠡᠪᠡᠯ ᠦᠵᠡᠬᠦ ᠰᠠᠷ᠎ᠠ ᠪᠠᠨ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠄
guidance-status-none = ᠪᠢᠴᠢᠭᠡᠳᠦᠢ
guidance-status-draft = ᠨᠣᠣᠷᠠᠭ
guidance-status-scheduled = ᠴᠠᠭ ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ
guidance-status-published = ᠨᠡᠢᠲᠡᠯᠡᠭᠰᠡᠨ
guidance-ask-theme = { $month } ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠠᠯᠲᠠ᠄ ᠡᠨᠡ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠶᠠᠭᠤ ᠪᠤᠢ? ᠦᠰᠦᠭ ᠢᠶᠡᠷ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃
guidance-current = ᠣᠳᠣ᠄ { $value }
guidance-ask-body = ᠵᠢᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠡᠬᠡ (ᠰᠤᠷᠠᠯᠴᠠᠬᠤ ᠰᠢᠭᠠᠷᠳᠠᠯᠭ᠎ᠠ᠂ ᠠᠵᠢᠯ ᠤᠨ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠤᠯᠲᠠ) ᠶᠢ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠡᠰᠡᠪᠡᠯ ᠳᠠᠷᠤᠭᠤᠯ ᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
guidance-ask-materials =
    ᠰᠤᠷᠠᠯᠴᠠᠬᠤ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ ({ $count } ᠨᠢᠭᠡᠨᠲᠡ)᠄ ᠬᠣᠯᠪᠣᠭᠠᠰᠤ ᠶᠢ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ (ᠮᠥᠷ ᠪᠦᠷᠢ ᠨᠢᠭᠡ᠂ ᠡᠮᠦᠨ᠎ᠡ ᠨᠢ ᠨᠡᠷ᠎ᠡ ᠪᠢᠴᠢᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ)᠂ ᠡᠰᠡᠪᠡᠯ ᠹᠠᠢᠯ᠂ ᠵᠢᠷᠤᠭ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃
    ᠳᠠᠭᠤᠰᠬᠠᠪᠠᠯ “ᠳᠠᠭᠤᠰᠪᠠ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
guidance-material-added = ᠨᠡᠮᠡᠪᠡ᠂ ᠨᠡᠢᠲᠡ { $count } ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ᠃ ᠦᠷᠬᠦᠯᠵᠢᠯᠡᠨ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠡᠰᠡᠪᠡᠯ “ᠳᠠᠭᠤᠰᠪᠠ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
guidance-materials-done = ✅ ᠳᠠᠭᠤᠰᠪᠠ ({ $count })
guidance-materials-clear = 🗑 ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ ᠢ ᠪᠦᠬᠦᠨ ᠢ ᠠᠷᠢᠯᠭᠠᠬᠤ
guidance-ask-activities = ᠰᠠᠨᠠᠯ ᠪᠣᠯᠭᠠᠬᠤ ᠦᠢᠯᠡ ᠠᠵᠢᠯᠯᠠᠭ᠎ᠠ ᠶᠢ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠡᠰᠡᠪᠡᠯ ᠳᠠᠷᠤᠭᠤᠯ ᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
guidance-ask-deadline = ᠰᠠᠯᠪᠤᠷᠢ ᠪᠦᠷᠢ ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠲᠦ ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ ᠢ ᠶᠠᠮᠠᠷ ᠡᠳᠦᠷ ᠦᠨ ᠡᠮᠦᠨ᠎ᠡ ᠬᠢᠬᠦ ᠪᠤᠢ? ᠡᠳᠦᠷ ᠢ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ ({ $first } — { $last })᠂ ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ “12-20” ᠡᠰᠡᠪᠡᠯ “20”᠃
guidance-ask-publish = ᠬᠡᠵᠢᠶ᠎ᠡ ᠨᠡᠢᠲᠡᠯᠡᠬᠦ ᠪᠤᠢ? “ᠵᠢᠯ-ᠰᠠᠷ᠎ᠠ-ᠡᠳᠦᠷ ᠴᠠᠭ:ᠮᠢᠨᠦᠲ” (ᠴᠠᠭ ᠤᠨ ᠪᠦᠰᠡ { $zone }) ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠡᠰᠡᠪᠡᠯ ᠳᠠᠷᠤᠭᠤᠯ ᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃ “ᠠᠯᠭᠤᠰᠬᠤ” ᠶᠢ ᠰᠣᠩᠭᠣᠪᠠᠯ ᠬᠢᠨᠠᠬᠤ ᠳᠤ ᠳᠠᠷᠤᠢ ᠨᠡᠢᠲᠡᠯᠡᠬᠦ ᠡᠰᠡᠪᠡᠯ ᠨᠣᠣᠷᠠᠭ ᠬᠢᠵᠦ ᠬᠠᠳᠠᠭᠠᠯᠠᠨ᠎ᠠ᠃
guidance-ask-members = ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠱᠤᠵᠢ᠂ ᠣᠷᠣᠯᠠᠭᠴᠢ ᠱᠤᠵᠢ ᠠᠴᠠ ᠭᠠᠳᠠᠨ᠎ᠠ ᠪᠦᠬᠦ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠲᠦ ᠴᠦᠮ ᠢᠯᠡᠭᠡᠬᠦ ᠦᠦ?
guidance-members-yes = 👥 ᠪᠦᠬᠦ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠲᠦ ᠴᠦᠮ ᠢᠯᠡᠭᠡᠬᠦ
guidance-members-no = 👤 ᠵᠥᠪᠬᠡᠨ ᠱᠤᠵᠢ᠂ ᠣᠷᠣᠯᠠᠭᠴᠢ ᠱᠤᠵᠢ ᠳᠤ
guidance-use-default = { $value } ᠢ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ
guidance-keep = ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ ᠦᠭᠡᠢ
guidance-skip = ᠠᠯᠭᠤᠰᠬᠤ
guidance-abort = ✖ ᠪᠢᠴᠢᠬᠦ ᠪᠡᠨ ᠵᠣᠭᠰᠣᠭᠠᠬᠤ
guidance-text-expected = ᠦᠰᠦᠭ ᠡᠰᠡᠪᠡᠯ ᠳᠠᠷᠤᠭᠤᠯ ᠢᠶᠠᠷ ᠬᠠᠷᠢᠭᠤᠯᠭᠠᠷᠠᠢ᠂ /cancel ᠢᠶᠠᠷ ᠵᠣᠭᠰᠣᠨ᠎ᠠ᠃
guidance-preview-header = ᠵᠢᠭᠠᠯᠲᠠ ᠶᠢ ᠬᠢᠨᠠᠭᠠᠷᠠᠢ᠄
guidance-line-audience = ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠬᠦᠮᠦᠰ᠄ { $audience }
guidance-audience-officers = ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠱᠤᠵᠢ᠂ ᠣᠷᠣᠯᠠᠭᠴᠢ ᠱᠤᠵᠢ
guidance-audience-members = ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠱᠤᠵᠢ᠂ ᠣᠷᠣᠯᠠᠭᠴᠢ ᠱᠤᠵᠢ ᠪᠠ ᠪᠦᠬᠦ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ
guidance-line-publish-at = ᠨᠡᠢᠲᠡᠯᠡᠬᠦ ᠴᠠᠭ᠄ { $time }
guidance-save-draft = 💾 ᠨᠣᠣᠷᠠᠭ ᠬᠢᠵᠦ ᠬᠠᠳᠠᠭᠠᠯᠠᠬᠤ
guidance-save-schedule = ⏰ { $time } ᠳᠤ ᠨᠡᠢᠲᠡᠯᠡᠬᠦ
guidance-publish-now = 📢 ᠳᠠᠷᠤᠢ ᠨᠡᠢᠲᠡᠯᠡᠬᠦ
guidance-draft-saved = 💾 { $month } ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠠᠯᠲᠠ ᠶᠢ ᠨᠣᠣᠷᠠᠭ ᠪᠣᠯᠭᠠᠨ ᠬᠠᠳᠠᠭᠠᠯᠠᠪᠠ᠃ /guidance ᠢᠶᠠᠷ ᠳᠠᠬᠢᠨ ᠨᠡᠭᠡᠭᠡᠨ᠎ᠡ᠃
guidance-scheduled = ⏰ { $month } ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠠᠯᠲᠠ { $time } ᠳᠤ ᠨᠡᠢᠲᠡᠯᠡᠭᠳᠡᠨ᠎ᠡ᠃ ᠲᠡᠷᠡ ᠬᠦᠷᠲᠡᠯ᠎ᠡ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃
guidance-published = 📢 { $month } ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠠᠯᠲᠠ “{ $theme }” ᠨᠡᠢᠲᠡᠯᠡᠭᠳᠡᠵᠦ᠂ ᠰᠠᠯᠪᠤᠷᠢ ᠪᠦᠷᠢ ᠳᠦ ᠢᠯᠡᠭᠡᠭᠳᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ᠃
guidance-already-published = { $time } ᠳᠤ ᠨᠡᠢᠲᠡᠯᠡᠭᠳᠡᠭᠰᠡᠨ᠂ ᠳᠠᠬᠢᠨ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠃
guidance-button-coverage = 📊 ᠬᠡᠷᠡᠭᠵᠢᠯᠲᠡ

## ᠵᠢᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠡ
guidance-message-header = 📢 { $committee } · { $month } ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠠᠯᠲᠠ
guidance-line-theme = ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ᠄ { $theme }
guidance-line-deadline = ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠲᠦ ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ ᠢ { $deadline } ᠦᠨ ᠡᠮᠦᠨ᠎ᠡ ᠬᠢᠨ᠎ᠡ
guidance-line-activities = ᠰᠠᠨᠠᠯ ᠪᠣᠯᠭᠠᠬᠤ ᠦᠢᠯᠡ ᠠᠵᠢᠯᠯᠠᠭ᠎ᠠ᠄
guidance-line-materials = ᠰᠤᠷᠠᠯᠴᠠᠬᠤ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ᠄
guidance-material-link = 🔗 { $name }᠄ { $url }
guidance-material-file = 📎 { $name }
guidance-material-document = ᠹᠠᠢᠯ
guidance-material-photo = ᠵᠢᠷᠤᠭ
guidance-files-hint = ᠹᠠᠢᠯ᠂ ᠵᠢᠷᠤᠭ ᠢ “ᠰᠤᠷᠠᠯᠴᠠᠬᠤ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ” ᠳᠠᠷᠤᠭᠤᠯ ᠢᠶᠠᠷ ᠠᠪᠤᠨ᠎ᠠ᠃
guidance-ack-hint = ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠱᠤᠵᠢ “ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠠ” ᠶᠢ ᠳᠠᠷᠤᠵᠤ ᠪᠠᠲᠤᠯᠠᠭᠠᠷᠠᠢ᠃
guidance-button-ack = ✅ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠠ
guidance-button-files = 📎 ᠰᠤᠷᠠᠯᠴᠠᠬᠤ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ
guidance-acknowledged = ✅ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠠ᠄ { $branches }
guidance-files-sending = { $count } ᠹᠠᠢᠯ ᠢᠯᠡᠭᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ᠃
guidance-reminder-header = ⏰ { $branch }᠄ { $month } ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠲᠦ ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ ᠦᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤ { $days } ᠡᠳᠦᠷ ᠦᠯᠡᠳᠡᠪᠡ ({ $deadline })᠃
guidance-reminder-not-acknowledged = · ᠡᠨᠡ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠠᠯᠲᠠ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠢᠶᠠᠨ ᠪᠠᠲᠤᠯᠠᠭᠠᠳᠦᠢ
guidance-reminder-not-scheduled = · ᠡᠨᠡ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠲᠦ ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ ᠢ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠠᠭᠠᠳᠦᠢ (/meeting)
guidance-missed-header = 📋 { $month } ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠲᠦ ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ ᠦᠨ ᠬᠡᠷᠡᠭᠵᠢᠯᠲᠡ ({ $theme }᠂ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ { $deadline })
guidance-missed-count = ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤᠨᠢ ᠬᠢᠭᠡᠳᠦᠢ᠄ { $total } ᠰᠠᠯᠪᠤᠷᠢ ᠠᠴᠠ { $missed }
guidance-missed-none = ᠪᠦᠬᠦ { $total } ᠰᠠᠯᠪᠤᠷᠢ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤᠨᠢ ᠬᠢᠪᠡ᠃
guidance-missed-hint = /coverage ᠢᠶᠠᠷ ᠨᠠᠷᠢᠨ ᠢ ᠦᠵᠡᠨ᠎ᠡ᠃
guidance-list-more = … ᠪᠠᠰᠠ { $count }᠃

## ᠪᠤᠷᠤᠭᠤ
guidance-error-month = ᠰᠠᠷ᠎ᠠ ᠪᠤᠷᠤᠭᠤ ᠪᠠᠢᠨ᠎ᠠ᠃
guidance-error-theme = ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠬᠣᠭᠣᠰᠣᠨ ᠪᠠᠢᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠂ ᠬᠠᠮᠤᠭ ᠤᠨ ᠣᠯᠠᠨ { $max } ᠦᠰᠦᠭ᠃
guidance-error-body = ᠡᠬᠡ ᠨᠢ ᠬᠠᠮᠤᠭ ᠤᠨ ᠣᠯᠠᠨ { $max } ᠦᠰᠦᠭ᠃
guidance-error-activities = ᠦᠢᠯᠡ ᠠᠵᠢᠯᠯᠠᠭ᠎ᠠ ᠨᠢ ᠬᠠᠮᠤᠭ ᠤᠨ ᠣᠯᠠᠨ { $max } ᠦᠰᠦᠭ᠃
guidance-error-materials = ᠰᠤᠷᠠᠯᠴᠠᠬᠤ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ ᠬᠠᠮᠤᠭ ᠤᠨ ᠣᠯᠠᠨ { $max }᠃
guidance-error-material = ᠡᠨᠡ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ ᠢ ᠬᠡᠷᠡᠭᠯᠡᠵᠦ ᠳᠡᠢᠯᠬᠦ ᠦᠭᠡᠢ᠃
guidance-error-link = ᠬᠣᠯᠪᠣᠭᠠᠰᠤ ᠣᠯᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃ http:// ᠡᠰᠡᠪᠡᠯ https:// ᠡᠴᠡ ᠡᠬᠢᠯᠡᠭᠰᠡᠨ ᠬᠣᠯᠪᠣᠭᠠᠰᠤ᠂ ᠡᠰᠡᠪᠡᠯ ᠹᠠᠢᠯ᠂ ᠵᠢᠷᠤᠭ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃
guidance-error-deadline = ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ { $first } — { $last } ᠤᠨ ᠬᠣᠭᠣᠷᠤᠨᠳᠤ ᠪᠠᠢᠬᠤ ᠶᠣᠰᠣᠳᠠᠢ᠂ ᠳᠠᠬᠢᠨ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ “12-20”᠃
guidance-error-deadline-past = ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠥᠩᠭᠡᠷᠡᠪᠡ᠂ ᠨᠡᠢᠲᠡᠯᠡᠬᠦ ᠡᠴᠡ ᠡᠮᠦᠨ᠎ᠡ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠪᠠᠨ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠡᠷᠡᠢ᠃
guidance-error-publish-when = ᠡᠨᠡ ᠴᠠᠭ ᠢ ᠣᠢᠯᠠᠭᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃ “ᠵᠢᠯ-ᠰᠠᠷ᠎ᠠ-ᠡᠳᠦᠷ ᠴᠠᠭ:ᠮᠢᠨᠦᠲ” ᠬᠡᠯᠪᠡᠷᠢ ᠪᠡᠷ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ 2026-12-01 09:00᠃
guidance-error-publish-past = ᠡᠨᠡ ᠴᠠᠭ ᠥᠩᠭᠡᠷᠡᠪᠡ᠂ ᠢᠷᠡᠭᠡᠳᠦᠢ ᠦᠢ ᠴᠠᠭ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠂ ᠡᠰᠡᠪᠡᠯ ᠳᠠᠷᠤᠢ ᠨᠡᠢᠲᠡᠯᠡᠭᠡᠷᠡᠢ᠃
guidance-error-publish-late = ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠡᠴᠡ ᠡᠮᠦᠨ᠎ᠡ ᠨᠡᠢᠲᠡᠯᠡᠬᠦ ᠶᠣᠰᠣᠳᠠᠢ᠃
guidance-error-published = ᠡᠨᠡ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠠᠯᠲᠠ ᠨᠡᠢᠲᠡᠯᠡᠭᠳᠡᠭᠰᠡᠨ᠂ ᠳᠠᠬᠢᠨ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠃
guidance-error-conflict = ᠡᠨᠡ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠠᠯᠲᠠ ᠶᠢ ᠥᠭᠡᠷ᠎ᠡ ᠬᠦᠮᠦᠨ ᠰᠠᠶᠢᠬᠠᠨ ᠬᠠᠳᠠᠭᠠᠯᠠᠪᠠ᠂ /guidance ᠢ ᠳᠠᠬᠢᠨ ᠨᠡᠭᠡᠭᠡᠭᠡᠷᠡᠢ᠃
guidance-error-gone = ᠡᠨᠡ ᠵᠢᠭᠠᠯᠲᠠ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ ᠡᠰᠡᠪᠡᠯ ᠨᠡᠢᠲᠡᠯᠡᠭᠳᠡᠭᠡᠳᠦᠢ᠃
guidance-error-not-officer = ᠵᠢᠭᠠᠯᠲᠠ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠱᠤᠵᠢ᠂ ᠣᠷᠣᠯᠠᠭᠴᠢ ᠱᠤᠵᠢ ᠯᠠ ᠪᠠᠲᠤᠯᠠᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃
guidance-error-acknowledged = ᠨᠢᠭᠡᠨᠲᠡ ᠪᠠᠲᠤᠯᠠᠭᠰᠠᠨ᠂ ᠳᠠᠬᠢᠨ ᠳᠠᠷᠤᠬᠤ ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ᠃

## ᠬᠡᠷᠡᠭᠵᠢᠯᠲᠡ
coverage-none = ᠨᠡᠢᠲᠡᠯᠡᠭᠰᠡᠨ ᠵᠢᠭᠠᠯᠲᠠ ᠠᠯᠢ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃
coverage-header = 📊 { $committee } · { $month } ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠬᠡᠷᠡᠭᠵᠢᠯᠲᠡ
    ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ᠄ { $theme } (ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ { $deadline })
coverage-counts =
    ᠰᠠᠯᠪᠤᠷᠢ᠄ { $total }
    ᠬᠦᠷᠭᠡᠭᠳᠡᠭᠰᠡᠨ᠄ { $reached }
    ᠪᠠᠲᠤᠯᠠᠭᠰᠠᠨ᠄ { $acknowledged }
    ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠲᠦ ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ ᠢ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠤᠭᠰᠠᠨ᠄ { $scheduled }
    ᠬᠢᠭᠰᠡᠨ᠄ { $held }
coverage-not-acknowledged = ᠪᠠᠲᠤᠯᠠᠭᠠᠳᠦᠢ ({ $count })᠄
coverage-not-scheduled = ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠠᠭᠠᠳᠦᠢ ({ $count })᠄
coverage-not-held = ᠬᠢᠭᠡᠳᠦᠢ ({ $count })᠄

## ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠲᠦ ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ
themedday-no-branch = ᠲᠠ ᠨᠠᠮ ᠤᠨ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠱᠤᠵᠢ ᠡᠰᠡᠪᠡᠯ ᠣᠷᠣᠯᠠᠭᠴᠢ ᠱᠤᠵᠢ ᠪᠢᠰᠢ᠃
themedday-choose-branch = ᠶᠠᠮᠠᠷ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠲᠦ ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ ᠢ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠪᠤᠢ?
themedday-unset = “{ $branch }” ᠳᠤ ᠲᠣᠭᠲᠠᠮᠠᠯ ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠲᠦ ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ ᠠᠯᠢ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃
themedday-current =
    “{ $branch }” ᠦᠨ ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠲᠦ ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ᠄ { $rule }
    ᠳᠠᠷᠠᠭᠠᠬᠢ ᠭᠤᠷᠪᠠ᠄ { $dates }
themedday-how = ᠨᠠᠷᠠᠨ ᠤ ᠡᠰᠡᠪᠡᠯ ᠰᠠᠷᠠᠨ ᠤ ᠤᠯᠠᠷᠢᠯ ᠢ ᠰᠣᠩᠭᠣᠭᠠᠳ᠂ ᠡᠳᠦᠷ ᠢ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃ ᠰᠠᠷᠠᠨ ᠤ ᠡᠳᠦᠷ ᠲᠤᠬᠠᠢ ᠰᠠᠷ᠎ᠠ ᠳᠤ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ ᠪᠣᠯ (ᠪᠠᠭ᠎ᠠ ᠰᠠᠷ᠎ᠠ ᠳᠤ ᠭᠣᠴᠢᠨ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ) ᠲᠤᠬᠠᠢ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠰᠡᠭᠦᠯ ᠦᠨ ᠡᠳᠦᠷ ᠢ ᠠᠪᠤᠨ᠎ᠠ᠃
themedday-choose-solar = 📅 ᠨᠠᠷᠠᠨ ᠤ ᠤᠯᠠᠷᠢᠯ
themedday-choose-lunar = 🌙 ᠰᠠᠷᠠᠨ ᠤ ᠤᠯᠠᠷᠢᠯ
themedday-clear = 🗑 ᠲᠣᠭᠲᠠᠮᠠᠯ ᠡᠳᠦᠷ ᠦᠭᠡᠢ
themedday-back = ◀ ᠪᠤᠴᠠᠬᠤ
themedday-ask-solar = “{ $branch }”᠄ ᠰᠠᠷ᠎ᠠ ᠪᠦᠷᠢ ᠶᠢᠨ ᠬᠡᠳᠦᠨ ᠦ ᠡᠳᠦᠷ? (ᠲᠡᠷᠡ ᠡᠳᠦᠷ ᠦᠭᠡᠢ ᠰᠠᠷ᠎ᠠ ᠳᠤ ᠰᠡᠭᠦᠯ ᠦᠨ ᠡᠳᠦᠷ ᠢ ᠠᠪᠤᠨ᠎ᠠ)
themedday-ask-lunar = “{ $branch }”᠄ ᠰᠠᠷᠠᠨ ᠤ ᠤᠯᠠᠷᠢᠯ ᠤᠨ ᠰᠠᠷ᠎ᠠ ᠪᠦᠷᠢ ᠶᠢᠨ ᠬᠡᠳᠦᠨ ᠦ ᠡᠳᠦᠷ?
themedday-saved = ✅ ᠬᠠᠳᠠᠭᠠᠯᠠᠪᠠ᠃
themedday-error-day = ᠡᠨᠡ ᠡᠳᠦᠷ ᠢ ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠲᠦ ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ ᠪᠣᠯᠭᠠᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃
themedday-rule-solar = ᠰᠠᠷ᠎ᠠ ᠪᠦᠷᠢ ᠶᠢᠨ { $day }-ᠨ ᠦ ᠡᠳᠦᠷ
themedday-rule-lunar = ᠰᠠᠷᠠᠨ ᠤ ᠤᠯᠠᠷᠢᠯ ᠤᠨ ᠰᠠᠷ᠎ᠠ ᠪᠦᠷᠢ ᠶᠢᠨ { $day }
themedday-reminder =
    📅 { $branch } ᠦᠨ ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠲᠦ ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ᠄ { $date } ({ $rule })
    ᠡᠨᠡ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ᠄ { $theme }
    ᠴᠠᠭ ᠢᠶᠡᠨ ᠵᠣᠬᠢᠴᠠᠭᠤᠯᠵᠤ ᠣᠷᠣᠯᠴᠠᠭᠠᠷᠠᠢ᠃
lunar-day-name = { $day ->
    [1] ᠱᠢᠨ ᠡᠢ ᠨᠢᠭᠡᠨ
    [2] ᠱᠢᠨ ᠡᠢ ᠬᠣᠶᠠᠷ
    [3] ᠱᠢᠨ ᠡᠢ ᠭᠤᠷᠪᠠ
    [4] ᠱᠢᠨ ᠡᠢ ᠳᠥᠷᠪᠡ
    [5] ᠱᠢᠨ ᠡᠢ ᠲᠠᠪᠤ
    [6] ᠱᠢᠨ ᠡᠢ ᠵᠢᠷᠭᠤᠭ᠎ᠠ
    [7] ᠱᠢᠨ ᠡᠢ ᠳᠣᠯᠣᠭ᠎ᠠ
    [8] ᠱᠢᠨ ᠡᠢ ᠨᠠᠢᠮᠠ
    [9] ᠱᠢᠨ ᠡᠢ ᠶᠢᠰᠦ
    [10] ᠱᠢᠨ ᠡᠢ ᠠᠷᠪᠠ
   *[other] { $day }-ᠨ ᠦ ᠡᠳᠦᠷ
}
meeting-themed-date = 📅 ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠲᠦ ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ { $date } { $time }
