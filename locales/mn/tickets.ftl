command-need = ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ
command-tickets = ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠶᠢᠨ ᠪᠢᠴᠢᠭ

## /need
ticket-abort = ✖ ᠪᠣᠯᠢᠬᠤ
ticket-submit = ✅ ᠢᠯᠡᠭᠡᠬᠦ
ticket-ask-branch = ᠶᠠᠮᠠᠷ ᠨᠠᠮ ᠤᠨ ᠰᠠᠯᠪᠤᠷᠢ ᠳᠤ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ ᠪᠤᠢ?
ticket-ask-category = “{ $org }” ᠳᠤ ᠶᠠᠮᠠᠷ ᠲᠥᠷᠥᠯ ᠦᠨ ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ ᠪᠤᠢ?
ticket-ask-description = 【{ $category }】 ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠪᠡᠨ ᠦᠰᠦᠭ ᠢᠶᠡᠷ ᠪᠢᠴᠢᠬᠦ᠂ ᠡᠰᠡᠪᠡᠯ ᠳᠠᠭᠤᠨ ᠮᠡᠳᠡᠭᠡ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃
ticket-description-expected = ᠦᠰᠦᠭ ᠡᠰᠡᠪᠡᠯ ᠳᠠᠭᠤᠨ ᠮᠡᠳᠡᠭᠡ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃
ticket-ask-extras = ᠵᠢᠷᠤᠭ (ᠬᠠᠮᠤᠭ ᠣᠯᠠᠨ ᠳᠠᠭᠠᠨ 5) ᠡᠰᠡᠪᠡᠯ ᠪᠠᠢᠷᠢ ᠪᠠᠨ ᠢᠯᠡᠭᠡᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠂ ᠳᠠᠷᠠᠭ᠎ᠠ ᠨᠢ “ᠢᠯᠡᠭᠡᠬᠦ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
ticket-photo-added = { $count } ᠳᠤᠭᠠᠷ ᠵᠢᠷᠤᠭ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠠ᠃
ticket-location-added = ᠪᠠᠢᠷᠢ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠠ᠃
ticket-extras-expected = ᠵᠢᠷᠤᠭ ᠡᠰᠡᠪᠡᠯ ᠪᠠᠢᠷᠢ ᠢᠯᠡᠭᠡᠬᠦ᠂ ᠡᠰᠡᠪᠡᠯ “ᠢᠯᠡᠭᠡᠬᠦ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
ticket-reported = ✅ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠠ᠄ ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠶᠢᠨ ᠪᠢᠴᠢᠭ #{ $number }᠃ ᠠᠯᠬᠤᠮ ᠪᠦᠷᠢ ᠶᠢ ᠲᠠᠨ ᠳᠤ ᠮᠡᠳᠡᠭᠳᠡᠨ᠎ᠡ᠂ /tickets ᠢᠶᠡᠷ ᠦᠵᠡᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃
ticket-aborted = ᠪᠣᠯᠢᠪᠠ᠃

ticket-category-elderly = ᠥᠲᠡᠯᠡᠭᠡ ᠴᠤᠳ ᠢ ᠠᠰᠠᠷᠠᠬᠤ
ticket-category-sanitation = ᠣᠷᠴᠢᠨ ᠲᠣᠭᠣᠷᠢᠨ ᠤ ᠠᠷᠢᠭᠤᠨ ᠴᠡᠪᠡᠷ
ticket-category-dispute = ᠬᠥᠷᠡᠩᠭᠡ ᠠᠢᠯ ᠤᠨ ᠮᠠᠷᠭᠤᠯᠳᠤᠭᠠᠨ
ticket-category-property = ᠣᠷᠣᠨ ᠰᠠᠭᠤᠴᠠ ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ
ticket-category-employment = ᠠᠵᠢᠯ ᠡᠷᠬᠢᠯᠡᠬᠦ ᠳᠤ ᠳᠡᠮᠵᠢᠬᠦ
ticket-category-policy = ᠪᠣᠳᠣᠯᠭ᠎ᠠ ᠶᠢᠨ ᠯᠠᠪᠯᠠᠭᠠ
ticket-category-other = ᠪᠤᠰᠤᠳ

ticket-status-new = ᠬᠤᠪᠢᠶᠠᠷᠢᠯᠠᠬᠤ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ
ticket-status-posted = ᠭᠡᠰᠢᠭᠦᠳ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ
ticket-status-assigned = ᠭᠡᠰᠢᠭᠦᠨ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ
ticket-status-in_progress = ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ
ticket-status-resolved = ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ᠂ ᠦᠨᠡᠯᠡᠭᠡ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ
ticket-status-closed = ᠳᠠᠭᠤᠰᠤᠭᠰᠠᠨ
ticket-status-declined = ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ
ticket-status-merged = ᠨᠡᠢᠯᠡᠭᠦᠯᠦᠭᠰᠡᠨ

## the ticket card
ticket-card-title = 📋 ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠶᠢᠨ ᠪᠢᠴᠢᠭ #{ $number } · { $category }
ticket-card-status = ᠪᠠᠢᠳᠠᠯ᠄ { $status }
ticket-card-overdue = ⚠ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ
ticket-card-org = ᠨᠠᠮ ᠤᠨ ᠰᠠᠯᠪᠤᠷᠢ᠄ { $org }
ticket-card-reporter = ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠬᠦᠮᠦᠨ᠄ { $name }
ticket-card-description = ᠠᠭᠤᠯᠭ᠎ᠠ᠄ { $text }
ticket-card-voice = 🎤 ᠳᠠᠭᠤᠨ ᠲᠠᠢᠯᠪᠤᠷᠢ ᠲᠠᠢ
ticket-card-photos = 📷 { $count } ᠵᠢᠷᠤᠭ
ticket-card-location = 📍 ᠪᠠᠢᠷᠢ ᠲᠠᠢ
ticket-card-assignee = ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠴᠢ ᠭᠡᠰᠢᠭᠦᠨ᠄ { $name }
ticket-card-due = ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ᠄ { $time }
ticket-card-declined = ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ ᠰᠢᠯᠲᠠᠭᠠᠨ᠄ { $reason }
ticket-card-merged = #{ $number } ᠪᠢᠴᠢᠭ ᠲᠡᠢ ᠨᠡᠢᠯᠡᠭᠦᠯᠦᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠨ᠎ᠡ
ticket-card-resolution = ᠰᠢᠢᠳᠪᠦᠷᠢ᠄ { $text }
ticket-card-rating = ᠦᠨᠡᠯᠡᠭᠡ᠄ { $stars } ᠣᠳᠣ
ticket-card-comment = ᠰᠠᠨᠠᠯ᠄ { $text }

ticket-button-assign = 👤 ᠭᠡᠰᠢᠭᠦᠨ ᠳᠦ ᠬᠤᠪᠢᠶᠠᠷᠢᠯᠠᠬᠤ
ticket-button-reassign = 👤 ᠳᠠᠬᠢᠨ ᠬᠤᠪᠢᠶᠠᠷᠢᠯᠠᠬᠤ
ticket-button-post = 📢 ᠭᠡᠰᠢᠭᠦᠳ ᠲᠦ ᠨᠡᠢᠲᠡᠯᠡᠬᠦ
ticket-button-merge = 🔗 ᠳᠠᠪᠬᠤᠷᠳᠠᠯ ᠢ ᠨᠡᠢᠯᠡᠭᠦᠯᠬᠦ
ticket-button-decline = ✖ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠭᠡᠢ
ticket-button-open = 📋 ᠪᠢᠴᠢᠭ ᠢ ᠦᠵᠡᠬᠦ
ticket-button-accept = ✅ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ
ticket-button-refuse = 🙅 ᠲᠠᠲᠠᠭᠠᠯᠵᠠᠬᠤ
ticket-button-claim = ✋ ᠪᠢ ᠬᠠᠷᠢᠭᠤᠴᠠᠶ᠎ᠠ
ticket-button-note = 📝 ᠶᠠᠪᠤᠴᠠ
ticket-button-resolve = ✅ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠬᠦ
ticket-button-finish = ✅ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ ᠢ ᠪᠠᠳᠤᠯᠠᠬᠤ
ticket-button-media = 📎 ᠵᠢᠷᠤᠭ / ᠳᠠᠭᠤ / ᠪᠠᠢᠷᠢ
ticket-button-history = 🕘 ᠲᠡᠮᠳᠡᠭᠯᠡᠯ
ticket-button-export = 📤 ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠭᠠᠷᠭᠠᠬᠤ
ticket-button-back = ↩ ᠪᠤᠴᠠᠬᠤ
ticket-button-no-comment = ᠰᠠᠨᠠᠯ ᠪᠢᠴᠢᠬᠦ ᠦᠭᠡᠢ
ticket-member-load = { $name } ({ $load } ᠪᠢᠴᠢᠭ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ)

## steps
ticket-ask-member = #{ $number } ᠪᠢᠴᠢᠭ ᠢ ᠬᠡᠨ ᠳᠦ ᠬᠤᠪᠢᠶᠠᠷᠢᠯᠠᠬᠤ ᠪᠤᠢ? ᠬᠠᠭᠠᠯᠲᠠ ᠳᠤᠲᠤᠷᠠᠬᠢ ᠲᠣᠭ᠎ᠠ ᠨᠢ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠵᠦ ᠪᠠᠢᠭ᠎ᠠ ᠪᠢᠴᠢᠭ ᠦᠨ ᠲᠣᠭ᠎ᠠ᠃
ticket-no-members = ᠡᠨᠡ ᠨᠠᠮ ᠤᠨ ᠰᠠᠯᠪᠤᠷᠢ ᠳᠤ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠴᠤ ᠴᠢᠳᠠᠬᠤ ᠭᠡᠰᠢᠭᠦᠨ ᠠᠳᠠ ᠦᠭᠡᠢ᠃
ticket-ask-duplicate = #{ $number } ᠪᠢᠴᠢᠭ ᠬᠠᠢ ᠪᠢᠴᠢᠭ ᠲᠡᠢ ᠳᠠᠪᠬᠤᠷᠳᠠᠵᠤ ᠪᠠᠢᠨ᠎ᠠ ᠪᠤᠢ?
ticket-no-duplicates = ᠨᠠᠮ ᠤᠨ ᠰᠠᠯᠪᠤᠷᠢ ᠳᠤ ᠪᠤᠰᠤᠳ ᠨᠡᠭᠡᠭᠡᠯᠲᠡᠲᠡᠢ ᠪᠢᠴᠢᠭ ᠦᠭᠡᠢ᠃
ticket-ask-decline-reason = #{ $number } ᠪᠢᠴᠢᠭ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠭᠡᠢ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠂ ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠬᠦᠮᠦᠨ ᠳᠦ ᠮᠡᠳᠡᠭᠳᠡᠨ᠎ᠡ᠃
ticket-ask-refuse-reason = #{ $number } ᠪᠢᠴᠢᠭ ᠢ ᠬᠠᠷᠢᠭᠤᠴᠠᠬᠤ ᠦᠭᠡᠢ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠂ ᠱᠤᠵᠢ ᠳᠤ ᠮᠡᠳᠡᠭᠳᠡᠨ᠎ᠡ᠃
ticket-ask-note = #{ $number } ᠪᠢᠴᠢᠭ ᠦᠨ ᠶᠠᠪᠤᠴᠠ᠄ ᠦᠰᠦᠭ᠂ ᠵᠢᠷᠤᠭ ᠡᠰᠡᠪᠡᠯ ᠳᠠᠭᠤᠨ ᠮᠡᠳᠡᠭᠡ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠬᠦᠮᠦᠨ ᠦᠵᠡᠨ᠎ᠡ᠃ ᠳᠠᠭᠤᠰᠬᠠᠳ “ᠪᠣᠯᠢᠬᠤ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
ticket-ask-resolution = #{ $number } ᠪᠢᠴᠢᠭ ᠢ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠬᠦ᠄ ᠶᠠᠭᠤ ᠬᠢᠭᠰᠡᠨ ᠢᠶᠡᠨ ᠪᠢᠴᠢᠭᠡᠳ ᠵᠢᠷᠤᠭ ᠨᠡᠮᠡᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠂ ᠳᠠᠷᠠᠭ᠎ᠠ ᠨᠢ “ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ ᠢ ᠪᠠᠳᠤᠯᠠᠬᠤ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
ticket-note-saved = ᠶᠠᠪᠤᠴᠠ ᠶᠢ ᠲᠡᠮᠳᠡᠭᠯᠡᠪᠡ (#{ $number })᠃
ticket-resolution-saved = ᠰᠢᠢᠳᠪᠦᠷᠢ᠄ { $chars } ᠦᠰᠦᠭ᠂ { $photos } ᠵᠢᠷᠤᠭ᠃ ᠨᠡᠮᠡᠬᠦ᠂ ᠡᠰᠡᠪᠡᠯ “ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ ᠢ ᠪᠠᠳᠤᠯᠠᠬᠤ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
ticket-rate-ask = ᠬᠡᠷᠬᠢᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ ᠢ ᠦᠨᠡᠯᠡᠭᠡᠷᠡᠢ (1–5 ᠣᠳᠣ)᠄
ticket-rated = ᠪᠠᠶᠠᠷᠯᠠᠯ᠎ᠠ᠄ { $stars } ᠣᠳᠣ (#{ $number })᠃ ᠰᠠᠨᠠᠯ ᠪᠢᠴᠢᠬᠦ ᠪᠣᠯ ᠰᠢᠭᠤᠳ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠂ ᠡᠰᠡᠪᠡᠯ “ᠰᠠᠨᠠᠯ ᠪᠢᠴᠢᠬᠦ ᠦᠭᠡᠢ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
ticket-rated-reopened = { $stars } ᠣᠳᠣ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠠ᠄ #{ $number } ᠪᠢᠴᠢᠭ ᠢ ᠳᠠᠬᠢᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠨ᠎ᠡ᠂ ᠱᠤᠵᠢ ᠳᠤ ᠮᠡᠳᠡᠭᠳᠡᠪᠡ᠃ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠪᠢᠴᠢᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃
ticket-commented = ᠰᠠᠨᠠᠯ ᠢ ᠲᠡᠮᠳᠡᠭᠯᠡᠪᠡ (#{ $number })᠂ ᠪᠠᠶᠠᠷᠯᠠᠯ᠎ᠠ!
ticket-thanks = ᠦᠨᠡᠯᠡᠭᠡ ᠥᠭᠭᠦᠭᠰᠡᠨ ᠳᠦ ᠪᠠᠶᠠᠷᠯᠠᠯ᠎ᠠ!

ticket-done-assigned = ✅ ᠬᠤᠪᠢᠶᠠᠷᠢᠯᠠᠪᠠ (#{ $number })᠃
ticket-done-posted = 📢 ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠲᠦ ᠨᠡᠢᠲᠡᠯᠡᠪᠡ (#{ $number })᠃
ticket-done-merged = 🔗 ᠨᠡᠢᠯᠡᠭᠦᠯᠪᠡ (#{ $number })᠃
ticket-done-declined = ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠬᠦᠮᠦᠨ ᠳᠦ ᠮᠡᠳᠡᠭᠳᠡᠪᠡ (#{ $number })᠃
ticket-done-refused = ᠲᠠᠲᠠᠭᠠᠯᠵᠠᠪᠠ᠂ ᠱᠤᠵᠢ ᠳᠠᠬᠢᠨ ᠬᠤᠪᠢᠶᠠᠷᠢᠯᠠᠨ᠎ᠠ (#{ $number })᠃
ticket-done-claimed = ✋ ᠲᠠ ᠬᠠᠷᠢᠭᠤᠴᠠᠪᠠ᠂ ᠬᠤᠷᠳᠤᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠡᠷᠡᠢ (#{ $number })᠃
ticket-done-accepted = ✅ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠠ (#{ $number })᠃
ticket-done-resolved = ✅ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠪᠡ᠂ ᠦᠨᠡᠯᠡᠭᠡ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ (#{ $number })᠃

## messages to other people
ticket-notice-new = 🔔 ᠰᠢᠨ᠎ᠡ ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ #{ $number }᠂ ᠬᠤᠪᠢᠶᠠᠷᠢᠯᠠᠭᠠᠷᠠᠢ᠃
ticket-notice-assigned = 📌 ᠱᠤᠵᠢ #{ $number } ᠪᠢᠴᠢᠭ ᠢ ᠲᠠᠨ ᠳᠤ ᠬᠤᠪᠢᠶᠠᠷᠢᠯᠠᠪᠠ᠄ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠡᠰᠡᠪᠡᠯ ᠲᠠᠲᠠᠭᠠᠯᠵᠠᠬᠤ᠃
ticket-notice-withdrawn = #{ $number } ᠪᠢᠴᠢᠭ ᠢ ᠥᠭᠡᠷ᠎ᠡ ᠪᠠᠷ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠬᠦ ᠪᠣᠯᠪᠠ᠂ ᠲᠠ ᠬᠠᠷᠢᠭᠤᠴᠠᠬᠤ ᠱᠠᠭᠠᠷᠳᠠᠯᠭ᠎ᠠ ᠦᠭᠡᠢ᠃
ticket-notice-posted = 📢 #{ $number } ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠭᠡᠰᠢᠭᠦᠨ ᠦ ᠬᠠᠷᠢᠭᠤᠴᠠᠬᠤ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ᠃
ticket-notice-claimed = ✋ { $name } #{ $number } ᠪᠢᠴᠢᠭ ᠢ ᠬᠠᠷᠢᠭᠤᠴᠠᠪᠠ᠃
ticket-notice-taken = 👍 ᠲᠠᠨ ᠤ #{ $number } ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠶᠢ { $name } ᠬᠠᠷᠢᠭᠤᠴᠠᠵᠤ ᠪᠠᠢᠨ᠎ᠠ᠃
ticket-notice-refused = 🙅 { $name } #{ $number } ᠪᠢᠴᠢᠭ ᠢ ᠲᠠᠲᠠᠭᠠᠯᠵᠠᠪᠠ᠄ { $note }᠃ ᠳᠠᠬᠢᠨ ᠬᠤᠪᠢᠶᠠᠷᠢᠯᠠᠭᠠᠷᠠᠢ᠃
ticket-notice-declined = ᠤᠯᠢᠰᠲᠠᠢ᠂ ᠲᠠᠨ ᠤ #{ $number } ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃
ticket-notice-merged = ᠲᠠᠨ ᠤ #{ $number } ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠶᠢ ᠠᠳᠠᠯᠢ ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠲᠡᠢ ᠨᠡᠢᠯᠡᠭᠦᠯᠦᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠨ᠎ᠡ᠃
ticket-notice-progress = 📝 #{ $number } ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠶᠢᠨ ᠰᠢᠨ᠎ᠡ ᠶᠠᠪᠤᠴᠠ ({ $name })᠄ { $note }
ticket-notice-resolved = ✅ ᠲᠠᠨ ᠤ #{ $number } ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠳᠡᠪᠡ᠃
ticket-notice-rated = ⭐ ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠬᠦᠮᠦᠨ #{ $number } ᠪᠢᠴᠢᠭ ᠲᠦ { $stars } ᠣᠳᠣ ᠥᠭᠭᠦᠪᠡ᠃
ticket-notice-reopened = ⚠ #{ $number } ᠪᠢᠴᠢᠭ ᠵᠥᠪᠬᠡᠨ { $stars } ᠣᠳᠣ ᠠᠪᠤᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠳᠡᠨ᠎ᠡ᠃
ticket-notice-remind-dispatch = ⏰ #{ $number } ᠪᠢᠴᠢᠭ ᠢ ᠠᠳᠠ ᠬᠤᠪᠢᠶᠠᠷᠢᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃
ticket-notice-remind-accept = ⏰ #{ $number } ᠪᠢᠴᠢᠭ ᠢ ᠲᠠ ᠠᠳᠠ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭ᠎ᠠ ᠦᠭᠡᠢ᠄ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠡᠰᠡᠪᠡᠯ ᠲᠠᠲᠠᠭᠠᠯᠵᠠᠬᠤ᠃
ticket-notice-reassign = ⏰ #{ $number } ᠪᠢᠴᠢᠭ ᠢ ᠬᠡᠨ ᠴᠦ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭ᠎ᠠ ᠦᠭᠡᠢ᠂ ᠳᠠᠬᠢᠨ ᠬᠤᠪᠢᠶᠠᠷᠢᠯᠠᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠃
ticket-notice-remind-resolve = ⏰ #{ $number } ᠪᠢᠴᠢᠭ ᠦᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠬᠦᠷᠪᠡ᠂ ᠬᠤᠷᠳᠤᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠡᠷᠡᠢ᠃
ticket-notice-escalated = 🚨 #{ $number } ᠪᠢᠴᠢᠭ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ ᠪᠣᠯᠪᠠᠴᠤ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠳᠡᠭ᠎ᠡ ᠦᠭᠡᠢ᠂ ᠬᠢᠨᠠᠨ ᠰᠠᠬᠢᠭᠠᠷᠠᠢ᠃

## history and export
ticket-history-title = 🕘 #{ $number } ᠪᠢᠴᠢᠭ ᠦᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ
ticket-history-line = { $time } { $who }᠄ { $what } { $note }
ticket-history-bot = ᠰᠢᠰᠲᠧᠮ
ticket-event-reported = ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ
ticket-event-assigned = { $name } ᠳ᠋ᠤ ᠬᠤᠪᠢᠶᠠᠷᠢᠯᠠᠭᠰᠠᠨ
ticket-event-posted = ᠭᠡᠰᠢᠭᠦᠳ ᠲᠦ ᠨᠡᠢᠲᠡᠯᠡᠭᠰᠡᠨ
ticket-event-claimed = ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠰᠠᠨ
ticket-event-accepted = ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ
ticket-event-refused = ᠭᠡᠰᠢᠭᠦᠨ ᠲᠠᠲᠠᠭᠠᠯᠵᠠᠭᠰᠠᠨ
ticket-event-declined = ᠨᠠᠮ ᠤᠨ ᠰᠠᠯᠪᠤᠷᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ
ticket-event-merged = #{ $number } ᠪᠢᠴᠢᠭ ᠲᠡᠢ ᠨᠡᠢᠯᠡᠭᠦᠯᠦᠭᠰᠡᠨ
ticket-event-note = ᠶᠠᠪᠤᠴᠠ
ticket-event-resolved = ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ
ticket-event-rated = { $stars } ᠣᠳᠣ ᠦᠨᠡᠯᠡᠭᠰᠡᠨ
ticket-event-commented = ᠰᠠᠨᠠᠯ ᠪᠢᠴᠢᠭᠰᠡᠨ
ticket-event-reopened = ᠳᠠᠬᠢᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠬᠦ
ticket-event-closed-unrated = ᠦᠨᠡᠯᠡᠭᠡ ᠦᠭᠡᠢ ᠳᠠᠭᠤᠰᠤᠭᠰᠠᠨ
ticket-event-reminded = ᠰᠠᠨᠠᠭᠤᠯᠤᠮᠵᠢ
ticket-event-escalated = ᠬᠢᠨᠠᠨ ᠰᠠᠬᠢᠭᠤᠯᠬᠤ
ticket-export-time = ᠴᠠᠭ
ticket-export-who = ᠬᠦᠮᠦᠨ
ticket-export-what = ᠠᠵᠢᠯᠯᠠᠭ᠎ᠠ
ticket-export-note = ᠲᠠᠢᠯᠪᠤᠷᠢ

## /tickets
tickets-menu = ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠶᠢᠨ ᠪᠢᠴᠢᠭ᠄ ᠶᠠᠮᠠᠷ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ ᠶᠢ ᠦᠵᠡᠬᠦ ᠪᠤᠢ?
tickets-view-mine = ᠮᠢᠨᠤ ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ
tickets-view-tasks = ᠮᠢᠨᠤ ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠰᠠᠨ
tickets-view-open = ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ ᠪᠢᠴᠢᠭ (ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ ᠨᠢ ᠡᠮᠦᠨ᠎ᠡ)
tickets-view-stats = 📊 ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ
tickets-title-mine = ᠮᠢᠨᠤ ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ({ $page }/{ $pages } ᠨᠢᠭᠤᠷ)
tickets-title-tasks = ᠮᠢᠨᠤ ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠰᠠᠨ ᠪᠢᠴᠢᠭ ({ $page }/{ $pages } ᠨᠢᠭᠤᠷ)
tickets-title-open = ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ ᠪᠢᠴᠢᠭ᠂ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ ᠨᠢ ᠡᠮᠦᠨ᠎ᠡ ({ $page }/{ $pages } ᠨᠢᠭᠤᠷ)
tickets-empty = ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃
tickets-line = #{ $number } · { $category } · { $status }
tickets-stats-title = 📊 { $month } ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠶᠢᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ
tickets-stats-line = { $org }
    ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ { $reported } · ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ { $resolved } · ᠳᠤᠮᠳᠠ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ { $median } ᠴᠠᠭ
    ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ { $overdue } · ᠳᠤᠮᠳᠠᠭᠠᠳ ᠦᠨᠡᠯᠡᠭᠡ { $rating } · ᠦᠨᠡᠯᠡᠭᠰᠡᠨ { $rated }
tickets-stats-prev = ◀ ᠥᠩᠭᠡᠷᠡᠭᠰᠡᠨ ᠰᠠᠷ᠎ᠠ
tickets-stats-next = ᠳᠠᠷᠠᠭᠠᠬᠢ ᠰᠠᠷ᠎ᠠ ▶

## refusals
ticket-error-no-branch = ᠲᠠ ᠶᠠᠮᠠᠷ ᠴᠤ ᠨᠠᠮ ᠤᠨ ᠰᠠᠯᠪᠤᠷᠢ ᠳᠤ ᠬᠠᠷᠢᠶᠠᠯᠠᠭᠳᠠᠭ᠎ᠠ ᠦᠭᠡᠢ ᠲᠤᠯᠠ ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠃
ticket-error-category = ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ ᠠᠴᠠ ᠲᠥᠷᠥᠯ ᠢ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃
ticket-error-long = ᠬᠡᠲᠦ ᠤᠷᠲᠤ᠂ ᠬᠠᠮᠤᠭ ᠤᠷᠲᠤ ᠨᠢ { $max } ᠦᠰᠦᠭ᠃
ticket-error-description = ᠡᠬᠢᠯᠡᠭᠡᠳ ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠪᠡᠨ ᠦᠰᠦᠭ ᠡᠰᠡᠪᠡᠯ ᠳᠠᠭᠤ ᠪᠠᠷ ᠲᠠᠢᠯᠪᠤᠷᠢᠯᠠᠭᠠᠷᠠᠢ᠃
ticket-error-photos = ᠬᠠᠮᠤᠭ ᠣᠯᠠᠨ ᠳᠠᠭᠠᠨ { $max } ᠵᠢᠷᠤᠭ᠃
ticket-error-own = ᠥᠪᠡᠷ ᠤᠨ ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠶᠢ ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠬᠠᠷᠢᠭᠤᠴᠠᠬᠤ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠃
ticket-error-not-member = ᠵᠥᠪᠬᠡᠨ ᠲᠤᠰ ᠨᠠᠮ ᠤᠨ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠭᠡᠰᠢᠭᠦᠨ ᠳᠦ ᠬᠤᠪᠢᠶᠠᠷᠢᠯᠠᠨ᠎ᠠ᠃
ticket-error-same-member = ᠡᠨᠡ ᠪᠢᠴᠢᠭ ᠢ { $name } ᠳᠤ ᠨᠢᠭᠡᠨᠲᠡ ᠬᠤᠪᠢᠶᠠᠷᠢᠯᠠᠭᠰᠠᠨ᠃
ticket-error-reason = ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠂ ᠬᠠᠮᠤᠭ ᠤᠷᠲᠤ ᠨᠢ { $max } ᠦᠰᠦᠭ᠃
ticket-error-merge-target = ᠵᠥᠪᠬᠡᠨ ᠲᠤᠰ ᠨᠠᠮ ᠤᠨ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠪᠤᠰᠤᠳ ᠨᠡᠭᠡᠭᠡᠯᠲᠡᠲᠡᠢ ᠪᠢᠴᠢᠭ ᠲᠡᠢ ᠨᠡᠢᠯᠡᠭᠦᠯᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃
ticket-error-closed = #{ $number } ᠪᠢᠴᠢᠭ ᠳᠠᠭᠤᠰᠤᠭᠰᠠᠨ᠂ ᠡᠨᠡ ᠳᠠᠷᠤᠭᠤᠯ ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠪᠠ᠃
ticket-error-resolved = #{ $number } ᠪᠢᠴᠢᠭ ᠨᠢᠭᠡᠨᠲᠡ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ᠂ ᠦᠨᠡᠯᠡᠭᠡ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ᠃
ticket-error-yours = #{ $number } ᠪᠢᠴᠢᠭ ᠨᠢᠭᠡᠨᠲᠡ ᠲᠠᠨ ᠤ ᠭᠠᠷ ᠲᠤ ᠪᠠᠢᠨ᠎ᠠ᠃
ticket-error-taken = #{ $number } ᠪᠢᠴᠢᠭ ᠢ ᠨᠢᠭᠡᠨᠲᠡ ᠬᠦᠮᠦᠨ ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠰᠠᠨ᠃
ticket-error-state = #{ $number } ᠪᠢᠴᠢᠭ ᠦᠨ ᠪᠠᠢᠳᠠᠯ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠪᠡ᠂ ᠳᠠᠬᠢᠨ ᠨᠡᠭᠡᠭᠡᠵᠦ ᠦᠵᠡᠭᠡᠷᠡᠢ᠃
ticket-error-not-assignee = ᠵᠥᠪᠬᠡᠨ ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠴᠢ ᠭᠡᠰᠢᠭᠦᠨ ᠡᠨᠡ ᠶᠢ ᠬᠢᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃
ticket-error-not-reporter = ᠵᠥᠪᠬᠡᠨ ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠬᠦᠮᠦᠨ ᠦᠨᠡᠯᠡᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃
ticket-error-stars = 1 ᠡᠴᠡ 5 ᠣᠳᠣ ᠥᠭᠭᠦᠭᠡᠷᠡᠢ᠃
ticket-error-rated = #{ $number } ᠪᠢᠴᠢᠭ ᠢ ᠨᠢᠭᠡᠨᠲᠡ ᠦᠨᠡᠯᠡᠭᠰᠡᠨ᠃
ticket-error-commented = #{ $number } ᠪᠢᠴᠢᠭ ᠲᠦ ᠨᠢᠭᠡᠨᠲᠡ ᠰᠠᠨᠠᠯ ᠪᠢᠴᠢᠭᠰᠡᠨ᠃
ticket-error-note = ᠦᠰᠦᠭ᠂ ᠵᠢᠷᠤᠭ ᠡᠰᠡᠪᠡᠯ ᠳᠠᠭᠤᠨ ᠮᠡᠳᠡᠭᠡ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃
ticket-error-resolution = ᠡᠬᠢᠯᠡᠭᠡᠳ ᠶᠠᠭᠤ ᠬᠢᠭᠰᠡᠨ ᠢᠶᠡᠨ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠃
ticket-error-flow = ᠡᠨᠡ ᠳᠠᠷᠤᠭᠤᠯ ᠥᠭᠡᠷ᠎ᠡ ᠠᠯᠬᠤᠮ ᠤᠨ ᠬᠠᠮᠢᠶ᠎ᠠ ᠲᠠᠢ᠂ ᠳᠠᠬᠢᠨ ᠡᠬᠢᠯᠡᠭᠡᠷᠡᠢ᠃
ticket-voice-not-voice = ᠳᠠᠭᠤᠨ ᠮᠡᠳᠡᠭᠡ ᠪᠢᠴᠢᠵᠦ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃
ticket-voice-forwarded = ᠳᠠᠮᠵᠢᠭᠤᠯᠤᠭᠰᠠᠨ ᠳᠠᠭᠤᠨ ᠮᠡᠳᠡᠭᠡ ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠶᠢ ᠲᠠᠢᠯᠪᠤᠷᠢᠯᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠃
ticket-voice-too-short = ᠳᠠᠭᠤᠨ ᠮᠡᠳᠡᠭᠡ ᠬᠡᠲᠦ ᠪᠣᠭᠣᠨᠢ ({ $seconds } ᠰᠸᠺᠦ᠋ᠨ᠋ᠳ᠋)᠂ ᠬᠠᠮᠤᠭ ᠪᠠᠭ᠎ᠠ ᠳᠠᠭᠠᠨ { $min_seconds } ᠰᠸᠺᠦ᠋ᠨ᠋ᠳ᠋᠃
ticket-voice-too-long = ᠳᠠᠭᠤᠨ ᠮᠡᠳᠡᠭᠡ ᠬᠡᠲᠦ ᠤᠷᠲᠤ ({ $seconds } ᠰᠸᠺᠦ᠋ᠨ᠋ᠳ᠋)᠂ ᠬᠠᠮᠤᠭ ᠣᠯᠠᠨ ᠳᠠᠭᠠᠨ { $max_seconds } ᠰᠸᠺᠦ᠋ᠨ᠋ᠳ᠋᠃
ticket-voice-too-large = ᠹᠠᠢᠯ ᠬᠡᠲᠦ ᠶᠡᠬᠡ ({ $size_mb } MB)᠂ ᠬᠠᠮᠤᠭ ᠶᠡᠬᠡ ᠨᠢ { $max_mb } MB᠃
ticket-voice-undecodable = ᠡᠨᠡ ᠳᠠᠭᠤᠨ ᠮᠡᠳᠡᠭᠡ ᠶᠢ ᠨᠡᠪᠲᠡᠷᠡᠭᠦᠯᠵᠦ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠳᠠᠬᠢᠨ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠃
ticket-voice-silent = ᠡᠨᠡ ᠳᠠᠭᠤᠨ ᠮᠡᠳᠡᠭᠡ ᠳᠦ ᠶᠠᠷᠢᠬᠤ ᠳᠠᠭᠤ ᠰᠣᠨᠣᠰᠳᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠳᠠᠬᠢᠨ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠃
