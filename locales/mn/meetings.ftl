## ᠬᠤᠷᠠᠯ᠄ ᠱᠤᠵᠢ ᠶᠢᠨ ᠲᠠᠯ᠎ᠠ (ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠬᠤ᠂ ᠬᠠᠮᠢᠶᠠᠷᠬᠤ᠂ ᠴᠢᠯᠦᠭᠡ᠂ ᠳᠠᠭᠤᠨ ᠢᠷᠡᠯᠲᠡ᠂ ᠰᠠᠨᠠᠭᠤᠯᠤᠮᠵᠢ)

## ᠵᠠᠷᠯᠢᠭ ᠤᠨ ᠲᠣᠪᠶᠣᠭ
command-meeting = ᠬᠤᠷᠠᠯ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠬᠤ (ᠭᠤᠷᠪᠠᠨ ᠬᠤᠷᠠᠯ ᠨᠢᠭᠡ ᠬᠢᠴᠢᠶᠡᠯ᠂ ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠲᠦ ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ)
command-meetings = ᠣᠢᠷ᠎ᠠ ᠶᠢᠨ ᠬᠤᠷᠠᠯ᠄ ᠢᠷᠡᠯᠲᠡ᠂ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ᠂ ᠦᠭᠡᠢᠰᠭᠡᠬᠦ᠂ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ

## ᠬᠤᠷᠠᠯ ᠤᠨ ᠲᠥᠷᠦᠯ᠂ ᠣᠷᠣᠯᠴᠠᠭᠴᠢ᠂ ᠢᠷᠡᠯᠲᠡ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ ᠠᠷᠭ᠎ᠠ
meeting-kind-general_meeting = ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠦᠨ ᠶᠡᠬᠡ ᠬᠤᠷᠠᠯ
meeting-kind-committee_meeting = ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠬᠣᠷᠢᠶ᠎ᠠ ᠶᠢᠨ ᠬᠤᠷᠠᠯ
meeting-kind-group_meeting = ᠨᠠᠮ ᠤᠨ ᠪᠦᠯᠦᠭ ᠦᠨ ᠬᠤᠷᠠᠯ
meeting-kind-party_lecture = ᠨᠠᠮ ᠤᠨ ᠬᠢᠴᠢᠶᠡᠯ
meeting-kind-themed_party_day = ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ ᠲᠦ ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ
meeting-kind-organizational_life = ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠠᠮᠢᠳᠤᠷᠠᠯ ᠤᠨ ᠬᠤᠷᠠᠯ
meeting-kind-democratic_review = ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠢ ᠠᠷᠠᠳᠴᠢᠯᠠᠨ ᠦᠨᠡᠯᠡᠬᠦ
meeting-kind-other = ᠪᠤᠰᠤᠳ ᠬᠤᠷᠠᠯ
audience-branch = ᠪᠦᠬᠦ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ
audience-committee = ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠬᠣᠷᠢᠶ᠎ᠠ
audience-group = ᠨᠠᠮ ᠤᠨ ᠪᠦᠯᠦᠭ
signin-method-tap = ᠳᠠᠷᠤᠵᠤ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ
signin-method-code = ᠢᠷᠡᠯᠲᠡ ᠶᠢᠨ ᠺᠣᠳ
signin-method-location = ᠪᠠᠢᠷᠢᠰᠢᠯ ᠢᠶᠠᠷ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ
signin-method-voice = ᠳᠠᠭᠤᠨ ᠢᠷᠡᠯᠲᠡ
signin-method-proxy = ᠣᠷᠣᠯᠠᠨ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ
meeting-list-separator = {"᠂ "}

## ᠬᠤᠷᠠᠯ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠬᠤ
meeting-abort = ✖ ᠵᠣᠭᠰᠣᠭᠠᠬᠤ
meeting-choose-org = ᠶᠠᠮᠠᠷ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠳᠤ ᠬᠤᠷᠠᠯ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠬᠤ ᠪᠤᠢ?
meeting-choose-kind = “{ $org }”᠄ ᠶᠠᠮᠠᠷ ᠬᠤᠷᠠᠯ ᠬᠢᠬᠦ ᠪᠤᠢ?
meeting-ask-title = { $kind }᠄ ᠬᠤᠷᠠᠯ ᠤᠨ ᠰᠡᠳᠦᠪ ᠶᠠᠭᠤ ᠪᠤᠢ? ᠰᠡᠳᠦᠪ ᠢ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠡᠰᠡᠪᠡᠯ ᠳᠠᠷᠤᠭᠤᠯ ᠢ ᠳᠠᠷᠤᠵᠤ ᠠᠶᠠᠳᠠᠯ ᠰᠡᠳᠦᠪ ᠢ ᠬᠡᠷᠡᠭᠯᠡᠭᠡᠷᠡᠢ᠃
meeting-title-default = “{ $title }” ᠢ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ
meeting-ask-when =
    ᠰᠡᠳᠦᠪ᠄ { $title }
    ᠬᠤᠷᠠᠯ ᠬᠡᠵᠢᠶ᠎ᠡ ᠡᠬᠢᠯᠡᠬᠦ ᠪᠤᠢ? “ᠵᠢᠯ-ᠰᠠᠷ᠎ᠠ-ᠡᠳᠦᠷ ᠴᠠᠭ:ᠮᠢᠨᠦᠲ” ᠡᠰᠡᠪᠡᠯ “ᠰᠠᠷ᠎ᠠ-ᠡᠳᠦᠷ ᠴᠠᠭ:ᠮᠢᠨᠦᠲ” ᠬᠡᠯᠪᠡᠷᠢ ᠪᠡᠷ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ { $example } (ᠴᠠᠭ ᠤᠨ ᠪᠦᠰᠡ { $zone })᠃
meeting-error-when = ᠡᠨᠡ ᠴᠠᠭ ᠢ ᠣᠢᠯᠠᠭᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃ “ᠵᠢᠯ-ᠰᠠᠷ᠎ᠠ-ᠡᠳᠦᠷ ᠴᠠᠭ:ᠮᠢᠨᠦᠲ” ᠡᠰᠡᠪᠡᠯ “ᠰᠠᠷ᠎ᠠ-ᠡᠳᠦᠷ ᠴᠠᠭ:ᠮᠢᠨᠦᠲ” ᠬᠡᠯᠪᠡᠷᠢ ᠪᠡᠷ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ { $example }᠃
meeting-ask-venue = ᠴᠠᠭ᠄ { $time }᠃ ᠬᠤᠷᠠᠯ ᠬᠠᠮᠢᠭ᠎ᠠ ᠪᠣᠯᠬᠤ ᠪᠤᠢ? ᠭᠠᠵᠠᠷ ᠢ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠡᠰᠡᠪᠡᠯ “ᠠᠯᠭᠤᠰᠬᠤ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
meeting-skip = ᠠᠯᠭᠤᠰᠬᠤ
meeting-ask-location = ᠪᠠᠢᠷᠢᠰᠢᠯ ᠢᠶᠠᠷ ᠢᠷᠡᠯᠲᠡ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ ᠦᠦ? ᠬᠤᠷᠠᠯ ᠤᠨ ᠭᠠᠵᠠᠷ ᠲᠤ “ᠬᠤᠷᠠᠯ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠪᠠᠢᠷᠢᠰᠢᠯ ᠢ ᠬᠤᠪᠢᠶᠠᠯᠴᠠᠬᠤ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠂ ᠡᠰᠡᠪᠡᠯ 📎 ᠡᠴᠡ ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠢᠷᠤᠭ ᠲᠡᠬᠢ ᠪᠠᠢᠷᠢᠰᠢᠯ ᠢ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃ ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ ᠪᠣᠯ “ᠠᠯᠭᠤᠰᠬᠤ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
meeting-share-location = 📍 ᠬᠤᠷᠠᠯ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠪᠠᠢᠷᠢᠰᠢᠯ ᠢ ᠬᠤᠪᠢᠶᠠᠯᠴᠠᠬᠤ
meeting-location-saved = 📍 ᠬᠤᠷᠠᠯ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠪᠠᠢᠷᠢᠰᠢᠯ ᠢ ᠲᠡᠮᠳᠡᠭᠯᠡᠪᠡ᠃
meeting-location-skipped = ᠵᠠ᠂ ᠪᠠᠢᠷᠢᠰᠢᠯ ᠢᠶᠠᠷ ᠢᠷᠡᠯᠲᠡ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ ᠦᠭᠡᠢ᠃
meeting-location-expected = “ᠬᠤᠷᠠᠯ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠪᠠᠢᠷᠢᠰᠢᠯ ᠢ ᠬᠤᠪᠢᠶᠠᠯᠴᠠᠬᠤ” ᠡᠰᠡᠪᠡᠯ “ᠠᠯᠭᠤᠰᠬᠤ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
meeting-ask-radius = ᠬᠤᠷᠠᠯ ᠤᠨ ᠭᠠᠵᠠᠷ ᠠᠴᠠ ᠬᠡᠳᠦᠢ ᠣᠢᠷ᠎ᠠ ᠪᠠᠢᠪᠠᠯ ᠢᠷᠡᠭᠰᠡᠨ ᠳᠤ ᠲᠣᠭᠠᠴᠠᠬᠤ ᠪᠤᠢ?
meeting-radius-option = { $meters } ᠮᠧᠲᠷ
meeting-ask-methods = ᠶᠠᠮᠠᠷ ᠠᠷᠭ᠎ᠠ ᠪᠠᠷ ᠢᠷᠡᠯᠲᠡ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ ᠶᠢ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠪᠤᠢ? ᠳᠠᠷᠤᠵᠤ ᠰᠣᠯᠢᠭᠠᠷᠠᠢ᠂ ᠠᠳᠠᠭ ᠨᠢ ᠨᠢᠭᠡ ᠶᠢ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃
meeting-voice-auto = ᠳᠠᠭᠤᠨ ᠢᠷᠡᠯᠲᠡ ᠶᠢ ᠬᠢᠨᠠᠬᠤ ᠦᠭᠡᠢ ᠪᠡᠷ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ
meeting-next = ᠳᠠᠷᠠᠭᠠᠬᠢ ᠠᠯᠬᠤᠮ ▶
meeting-ask-window = ᠢᠷᠡᠯᠲᠡ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ ᠴᠠᠭ᠄ ᠬᠤᠷᠠᠯ ᠡᠬᠢᠯᠡᠬᠦ ᠡᠴᠡ ᠬᠡᠳᠦᠢ ᠡᠮᠦᠨ᠎ᠡ ᠨᠡᠭᠡᠭᠡᠭᠳᠡᠵᠦ᠂ ᠡᠬᠢᠯᠡᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠬᠡᠳᠦᠢ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤ ᠬᠠᠭᠠᠭᠳᠠᠬᠤ ᠪᠤᠢ?
meeting-window-option = { $before } ᠮᠢᠨᠦᠲ ᠤᠨ ᠡᠮᠦᠨ᠎ᠡ — { $after } ᠮᠢᠨᠦᠲ ᠤᠨ ᠳᠠᠷᠠᠭ᠎ᠠ
meeting-ask-audience = ᠬᠡᠨ ᠢ ᠤᠷᠢᠬᠤ ᠪᠤᠢ?
meeting-audience-group = ᠨᠠᠮ ᠤᠨ ᠪᠦᠯᠦᠭ᠄ { $group }
meeting-confirm-header = ᠬᠤᠷᠠᠯ ᠤᠨ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠬᠢᠨᠠᠭᠠᠷᠠᠢ᠄
meeting-confirm = ✅ ᠪᠠᠲᠤᠯᠠᠵᠤ ᠮᠡᠳᠡᠭᠳᠡᠬᠦ
meeting-text-expected = ᠦᠰᠦᠭ ᠢᠶᠡᠷ ᠬᠠᠷᠢᠭᠤᠯᠭᠠᠷᠠᠢ᠂ ᠡᠰᠡᠪᠡᠯ /cancel ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃
meeting-scheduled = ✅ ᠬᠤᠷᠠᠯ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠤᠭᠳᠠᠪᠠ᠃

## ᠬᠤᠷᠠᠯ ᠤᠨ ᠺᠠᠷᠲ
meeting-line-title = 📌 { $kind }᠄ { $title }
meeting-line-time = 🕖 ᠴᠠᠭ᠄ { $time }
meeting-line-venue = 📍 ᠭᠠᠵᠠᠷ᠄ { $venue }
meeting-venue-none = ᠲᠡᠮᠳᠡᠭᠯᠡᠭᠡ ᠦᠭᠡᠢ
meeting-line-radius = 🗺 ᠪᠠᠢᠷᠢᠰᠢᠯ ᠢᠶᠠᠷ ᠢᠷᠡᠯᠲᠡ᠄ ᠬᠤᠷᠠᠯ ᠤᠨ ᠭᠠᠵᠠᠷ ᠠᠴᠠ { $radius } ᠮᠧᠲᠷ ᠦᠨ ᠳᠣᠲᠣᠷ᠎ᠠ
meeting-line-window = ⏱ ᠢᠷᠡᠯᠲᠡ᠄ { $opens }—{ $closes }᠂ ᠠᠷᠭ᠎ᠠ᠄ { $methods }
meeting-line-audience = 👥 ᠣᠷᠣᠯᠴᠠᠭᠴᠢ᠄ { $audience }
meeting-line-invited = 👥 { $count } ᠬᠦᠮᠦᠨ ᠢ ᠤᠷᠢᠪᠠ
meeting-line-invited-offline = 👥 { $count } ᠬᠦᠮᠦᠨ ᠢ ᠤᠷᠢᠪᠠ᠂ ᠡᠳᠡᠨ ᠦ { $offline } ᠨᠢ Telegram ᠲᠠᠢ ᠬᠣᠯᠪᠣᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠲᠡᠳᠡᠨ ᠳᠦ ᠥᠪᠡᠷ ᠢ ᠪᠡᠷ ᠮᠡᠳᠡᠭᠳᠡᠭᠡᠷᠡᠢ
meeting-line-voice-auto = 🎙 ᠳᠠᠭᠤᠨ ᠢᠷᠡᠯᠲᠡ ᠶᠢ ᠬᠢᠨᠠᠬᠤ ᠦᠭᠡᠢ ᠪᠡᠷ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠨ᠎ᠡ
meeting-line-voice-review = 🎙 ᠳᠠᠭᠤᠨ ᠢᠷᠡᠯᠲᠡ ᠶᠢ ᠱᠤᠵᠢ ᠬᠢᠨᠠᠨ ᠪᠠᠲᠤᠯᠠᠨ᠎ᠠ
meeting-line-code = 🔢 ᠢᠷᠡᠯᠲᠡ ᠶᠢᠨ ᠺᠣᠳ᠄ { $code } (ᠬᠤᠷᠠᠯ ᠤᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠦᠵᠡᠭᠦᠯᠦᠨ᠎ᠡ)
meeting-line-reminders = 🔔 ᠰᠠᠨᠠᠭᠤᠯᠤᠮᠵᠢ᠄ { $times }
meeting-status-cancelled = ❌ ᠦᠭᠡᠢᠰᠭᠡᠭᠳᠡᠭᠰᠡᠨ
meeting-invitations-sent = 📨 { $sent } ᠬᠦᠮᠦᠨ ᠳᠦ ᠬᠤᠷᠠᠯ ᠤᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢᠯᠡᠭᠡᠪᠡ᠃
meeting-invitations-silent = 🌙 ᠣᠳᠣ ᠠᠮᠠᠷᠠᠯᠲᠠ ᠶᠢᠨ ᠴᠠᠭ ({ $quiet }) ᠪᠠᠢᠨ᠎ᠠ᠂ ᠬᠤᠷᠠᠯ ᠤᠨ ᠡᠮᠦᠨ᠎ᠡ ᠰᠠᠨᠠᠭᠤᠯᠤᠮᠵᠢ ᠶᠢᠨ ᠴᠠᠭ ᠦᠯᠡᠳᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ ᠲᠤᠯᠠ { $sent } ᠬᠦᠮᠦᠨ ᠳᠦ ᠳᠠᠭᠤ ᠦᠭᠡᠢ ᠪᠡᠷ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢᠯᠡᠭᠡᠪᠡ᠃

## ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠦᠨ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠮᠡᠳᠡᠭᠳᠡᠯ
meeting-invitation-header = 📣 ᠬᠤᠷᠠᠯ ᠤᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ · { $org }
meeting-reminder-header = 🔔 ᠬᠤᠷᠠᠯ ᠤᠨ ᠰᠠᠨᠠᠭᠤᠯᠤᠮᠵᠢ · { $org }
meeting-changed-header = ✏️ ᠬᠤᠷᠠᠯ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠪᠡ · { $org }
meeting-invitation-hint = ᠳᠣᠣᠷᠠᠬᠢ ᠳᠠᠷᠤᠭᠤᠯ ᠢᠶᠠᠷ ᠬᠠᠷᠢᠭᠤᠯᠭᠠᠷᠠᠢ᠄ ᠣᠷᠣᠯᠴᠠᠬᠤ᠂ ᠡᠰᠡᠪᠡᠯ ᠴᠢᠯᠦᠭᠡ ᠭᠤᠶᠤᠬᠤ᠃
meeting-cancelled-notice =
    ❌ ᠬᠤᠷᠠᠯ ᠦᠭᠡᠢᠰᠭᠡᠭᠳᠡᠪᠡ · { $org }
    { $kind }᠄ { $title }
    ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ ᠴᠠᠭ᠄ { $time }

## ᠣᠢᠷ᠎ᠠ ᠶᠢᠨ ᠬᠤᠷᠠᠯ
meetings-none = ᠣᠢᠷ᠎ᠠ ᠳᠤ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠤᠭᠰᠠᠨ ᠬᠤᠷᠠᠯ ᠦᠭᠡᠢ᠃ /meeting ᠢᠯᠡᠭᠡᠵᠦ ᠬᠤᠷᠠᠯ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠤᠭᠠᠷᠠᠢ᠃
meetings-header = ᠣᠢᠷ᠎ᠠ ᠶᠢᠨ ᠬᠤᠷᠠᠯ (ᠨᠡᠭᠡᠭᠡᠵᠦ ᠬᠠᠮᠢᠶᠠᠷᠤᠭᠠᠷᠠᠢ)᠄
meeting-button-summary = 📊 ᠢᠷᠡᠯᠲᠡ ᠶᠢᠨ ᠳᠦᠩ
meeting-button-code = 🔢 ᠺᠣᠳ
meeting-button-edit = ✏️ ᠴᠠᠭ/ᠭᠠᠵᠠᠷ
meeting-button-minutes = 📝 ᠲᠡᠮᠳᠡᠭᠯᠡᠯ
meeting-button-cancel = ✖ ᠬᠤᠷᠠᠯ ᠢ ᠦᠭᠡᠢᠰᠭᠡᠬᠦ
meeting-button-reviews = 🎙 ᠬᠢᠨᠠᠬᠤ ᠳᠠᠭᠤ ({ $count })
meeting-button-list = ◀ ᠬᠤᠷᠠᠯ ᠤᠨ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ
meeting-button-back = ◀ ᠪᠤᠴᠠᠬᠤ
meeting-code-screen =
    “{ $title }” ᠬᠤᠷᠠᠯ ᠤᠨ ᠢᠷᠡᠯᠲᠡ ᠶᠢᠨ ᠺᠣᠳ᠄
    { $code }
    ᠬᠤᠷᠠᠯ ᠤᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠦᠵᠡᠭᠦᠯᠦᠭᠡᠷᠡᠢ᠄ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠳᠡᠭᠡᠷᠡᠬᠢ ᠺᠣᠳ ᠤᠨ ᠳᠠᠷᠤᠭᠤᠯ ᠢ ᠳᠠᠷᠤᠭᠠᠳ ᠣᠷᠣᠭᠤᠯᠤᠨ᠎ᠠ᠃
meeting-cancel-ask = “{ $title }” ({ $time }) ᠬᠤᠷᠠᠯ ᠢ ᠦᠭᠡᠢᠰᠭᠡᠬᠦ ᠦᠦ? ᠤᠷᠢᠭᠰᠠᠨ ᠬᠦᠮᠦᠰ ᠲᠦ ᠮᠡᠳᠡᠭᠳᠡᠨ᠎ᠡ᠃
meeting-cancel-yes = ✖ ᠲᠡᠢᠮᠦ᠂ ᠬᠤᠷᠠᠯ ᠢ ᠦᠭᠡᠢᠰᠭᠡᠬᠦ
meeting-cancel-no = ◀ ᠦᠭᠡᠢᠰᠭᠡᠬᠦ ᠦᠭᠡᠢ
meeting-cancelled-done = ❌ “{ $title }” ᠬᠤᠷᠠᠯ ᠢ ᠦᠭᠡᠢᠰᠭᠡᠪᠡ᠂ { $sent } ᠬᠦᠮᠦᠨ ᠳᠦ ᠮᠡᠳᠡᠭᠳᠡᠪᠡ᠃
meeting-edit-ask-when =
    “{ $title }” ᠬᠤᠷᠠᠯ ᠤᠨ ᠣᠳᠣᠬᠢ ᠴᠠᠭ᠄ { $current }᠃
    ᠰᠢᠨ᠎ᠡ ᠡᠬᠢᠯᠡᠬᠦ ᠴᠠᠭ ᠢ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ { $example }᠄ ᠴᠠᠭ ᠢ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ ᠦᠭᠡᠢ ᠪᠣᠯ ᠳᠠᠷᠤᠭᠤᠯ ᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
meeting-edit-keep-time = ᠴᠠᠭ ᠢ ᠬᠡᠪ ᠢᠶᠡᠷ ᠨᠢ
meeting-edit-ask-venue = ᠰᠢᠨ᠎ᠡ ᠭᠠᠵᠠᠷ ᠢ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠄ ᠭᠠᠵᠠᠷ ᠢ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ ᠦᠭᠡᠢ ᠪᠣᠯ ᠳᠠᠷᠤᠭᠤᠯ ᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
meeting-edit-keep-venue = ᠭᠠᠵᠠᠷ ᠢ ᠬᠡᠪ ᠢᠶᠡᠷ ᠨᠢ
meeting-edit-nothing = ᠴᠠᠭ ᠪᠠ ᠭᠠᠵᠠᠷ ᠠᠯᠢ ᠴᠤ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠃
meeting-edit-done = ✅ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠪᠡ᠂ { $sent } ᠬᠦᠮᠦᠨ ᠳᠦ ᠮᠡᠳᠡᠭᠳᠡᠪᠡ᠄

## ᠢᠷᠡᠯᠲᠡ ᠶᠢᠨ ᠳᠦᠩ
summary-header = 📊 ᠢᠷᠡᠯᠲᠡ ᠶᠢᠨ ᠳᠦᠩ᠄ { $kind } “{ $title }”
summary-counts = ᠤᠷᠢᠭᠰᠠᠨ { $invited }᠄ ᠢᠷᠡᠭᠰᠡᠨ { $present }᠂ ᠴᠢᠯᠦᠭᠡ ᠲᠡᠢ { $leave }᠂ ᠬᠢᠨᠠᠬᠤ { $pending }᠂ ᠢᠷᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ { $absent }
summary-present = ✅ { $method } ({ $count })᠄ { $names }
summary-proxy = { $name } ({ $by } ᠣᠷᠣᠯᠠᠨ ᠪᠦᠷᠢᠳᠬᠡᠪᠡ)
summary-leave = 🙋 ᠴᠢᠯᠦᠭᠡ ᠲᠡᠢ ({ $count })᠄ { $names }
summary-leave-person = { $name } ({ $reason })
summary-leave-pending = ⏳ ᠴᠢᠯᠦᠭᠡ ᠭᠤᠶᠤᠭᠰᠠᠨ᠂ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠳᠡᠭᠡ ᠦᠭᠡᠢ ({ $count })᠄ { $names }
summary-pending = 🎙 ᠬᠢᠨᠠᠬᠤ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠭ᠎ᠠ ᠳᠠᠭᠤᠨ ᠢᠷᠡᠯᠲᠡ ({ $count })᠄ { $names }
summary-absent = ❌ ᠴᠢᠯᠦᠭᠡ ᠦᠭᠡᠢ ᠪᠡᠷ ᠢᠷᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ ({ $count })᠄ { $names }
summary-not-yet = ⏳ ᠳᠠᠭᠠᠬᠢ ᠢᠷᠡᠯᠲᠡ ᠪᠦᠷᠢᠳᠬᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ ({ $count })᠄ { $names }
summary-minutes = 📝 ᠲᠡᠮᠳᠡᠭᠯᠡᠯ᠄ { $chars } ᠲᠡᠮᠳᠡᠭ ᠦᠰᠦᠭ᠂ { $photos } ᠵᠢᠷᠤᠭ

## ᠬᠤᠷᠠᠯ ᠤᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ
minutes-ask = 📝 “{ $title }” ᠬᠤᠷᠠᠯ ᠤᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ᠄ ᠦᠰᠦᠭ ᠪᠠ ᠵᠢᠷᠤᠭ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠣᠯᠠᠨ ᠤᠳᠠᠭ᠎ᠠ ᠢᠯᠡᠭᠡᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃ ᠳᠠᠭᠤᠰᠬᠠᠳ “ᠳᠠᠭᠤᠰᠬᠤ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
minutes-saved = ᠬᠠᠳᠠᠭᠠᠯᠠᠪᠠ᠄ { $chars } ᠲᠡᠮᠳᠡᠭ ᠦᠰᠦᠭ᠂ { $photos } ᠵᠢᠷᠤᠭ᠃ ᠦᠷᠭᠦᠯᠵᠢᠯᠡᠨ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠡᠰᠡᠪᠡᠯ “ᠳᠠᠭᠤᠰᠬᠤ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
minutes-expected = ᠦᠰᠦᠭ ᠡᠰᠡᠪᠡᠯ ᠵᠢᠷᠤᠭ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠡᠰᠡᠪᠡᠯ “ᠳᠠᠭᠤᠰᠬᠤ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
minutes-done-button = ✅ ᠳᠠᠭᠤᠰᠬᠤ
minutes-done = 📝 “{ $title }” ᠬᠤᠷᠠᠯ ᠤᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠪᠠ᠄ { $chars } ᠲᠡᠮᠳᠡᠭ ᠦᠰᠦᠭ᠂ { $photos } ᠵᠢᠷᠤᠭ᠃

## ᠴᠢᠯᠦᠭᠡ ᠶᠢᠨ ᠰᠢᠢᠳᠪᠦᠷᠢ
leave-notice =
    🙋 ᠴᠢᠯᠦᠭᠡ ᠶᠢᠨ ᠬᠦᠰᠡᠯᠲᠡ
    { $name } { $kind } “{ $title }” ({ $time }) ᠳᠤ ᠣᠷᠣᠯᠴᠠᠬᠤ ᠦᠭᠡᠢ ᠴᠢᠯᠦᠭᠡ ᠭᠤᠶᠤᠵᠤ ᠪᠠᠢᠨ᠎ᠠ᠃
    ᠰᠢᠯᠲᠠᠭᠠᠨ᠄ { $reason }
leave-decision-approve = ✅ ᠴᠢᠯᠦᠭᠡ ᠥᠭᠬᠦ
leave-decision-reject = ❌ ᠴᠢᠯᠦᠭᠡ ᠥᠭᠬᠦ ᠦᠭᠡᠢ
leave-decision-approved = ✅ ᠴᠢᠯᠦᠭᠡ ᠥᠭᠬᠦ ᠶᠢ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠪᠡ᠄ { $name }᠂ “{ $title }” ({ $time })᠃ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ ᠨᠢ᠄ { $by }
leave-decision-rejected = ❌ ᠴᠢᠯᠦᠭᠡ ᠥᠭᠬᠦ ᠶᠢ ᠲᠡᠪᠴᠢᠪᠡ᠄ { $name }᠂ “{ $title }” ({ $time })᠃ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ ᠨᠢ᠄ { $by }
leave-decision-approved-member = ✅ ᠲᠠᠨ ᠤ ᠴᠢᠯᠦᠭᠡ ᠶᠢᠨ ᠬᠦᠰᠡᠯᠲᠡ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠭᠳᠡᠪᠡ᠄ { $kind } “{ $title }” ({ $time })᠃
leave-decision-rejected-member = ᠲᠠᠨ ᠤ ᠴᠢᠯᠦᠭᠡ ᠶᠢᠨ ᠬᠦᠰᠡᠯᠲᠡ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠭᠳᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠄ { $kind } “{ $title }” ({ $time })᠃ ᠴᠠᠭ ᠲᠤ ᠨᠢ ᠣᠷᠣᠯᠴᠠᠭᠠᠷᠠᠢ᠂ ᠪᠡᠷᠬᠡᠰᠢᠶᠡᠯ ᠲᠡᠢ ᠪᠣᠯ ᠱᠤᠵᠢ ᠲᠠᠢ ᠬᠠᠷᠢᠯᠴᠠᠭᠠᠷᠠᠢ᠃

## ᠳᠠᠭᠤᠨ ᠢᠷᠡᠯᠲᠡ ᠶᠢ ᠬᠢᠨᠠᠬᠤ
voice-review-notice =
    🎙 ᠬᠢᠨᠠᠬᠤ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠭ᠎ᠠ ᠳᠠᠭᠤᠨ ᠢᠷᠡᠯᠲᠡ
    { $name }᠄ { $kind } “{ $title }” ({ $time })
    ᠪᠢᠴᠢᠭᠰᠡᠨ ᠴᠠᠭ᠄ { $signed }
voice-review-duration = ᠤᠷᠲᠤ᠄ { $seconds } ᠰᠧᠺᠦᠨᠳ
voice-review-transcript = ᠲᠠᠨᠢᠭᠰᠠᠨ ᠦᠰᠦᠭ᠄ { $text }
voice-review-approve = ✅ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ
voice-review-reject = ❌ ᠲᠡᠪᠴᠢᠬᠦ
voice-review-approved = ✅ { $name } ᠤ “{ $title }” ᠳᠠᠬᠢ ᠳᠠᠭᠤᠨ ᠢᠷᠡᠯᠲᠡ ᠶᠢ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠪᠡ ({ $by })᠃
voice-review-rejected = ❌ { $name } ᠤ “{ $title }” ᠳᠠᠬᠢ ᠳᠠᠭᠤᠨ ᠢᠷᠡᠯᠲᠡ ᠶᠢ ᠲᠡᠪᠴᠢᠪᠡ ({ $by })᠃
voice-review-approved-member = ✅ ᠲᠠᠨ ᠤ { $kind } “{ $title }” ᠳᠠᠬᠢ ᠳᠠᠭᠤᠨ ᠢᠷᠡᠯᠲᠡ ᠪᠠᠲᠤᠯᠠᠭᠳᠠᠪᠠ᠃
voice-review-rejected-member = ᠲᠠᠨ ᠤ { $kind } “{ $title }” ᠳᠠᠬᠢ ᠳᠠᠭᠤᠨ ᠢᠷᠡᠯᠲᠡ ᠬᠢᠨᠠᠯᠲᠠ ᠳᠤ ᠲᠡᠨᠴᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠃ ᠢᠷᠡᠯᠲᠡ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ ᠴᠠᠭ ᠲᠤ ᠳᠠᠬᠢᠨ ᠪᠦᠷᠢᠳᠬᠡᠭᠦᠯᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃
voice-review-none = ᠬᠢᠨᠠᠬᠤ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠭ᠎ᠠ ᠳᠠᠭᠤᠨ ᠢᠷᠡᠯᠲᠡ ᠦᠭᠡᠢ᠃

## ᠪᠤᠷᠤᠭᠤ
meeting-error-kind = ᠡᠨᠡ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠡᠢᠮᠦ ᠲᠥᠷᠦᠯ ᠦᠨ ᠬᠤᠷᠠᠯ ᠬᠢᠬᠦ ᠦᠭᠡᠢ᠃
meeting-error-audience = ᠣᠷᠣᠯᠴᠠᠭᠴᠢ ᠶᠢᠨ ᠬᠡᠪᠴᠢᠶ᠎ᠡ ᠲᠣᠬᠢᠷᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠳᠠᠬᠢᠨ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃
meeting-error-title = ᠬᠤᠷᠠᠯ ᠤᠨ ᠰᠡᠳᠦᠪ ᠬᠣᠭᠣᠰᠤᠨ ᠪᠠᠢᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠂ ᠬᠠᠮᠤᠭ ᠤᠷᠲᠤ ᠨᠢ { $max } ᠲᠡᠮᠳᠡᠭ᠃
meeting-error-venue = ᠭᠠᠵᠠᠷ ᠤᠨ ᠨᠡᠷᠡ ᠬᠠᠮᠤᠭ ᠤᠷᠲᠤ ᠨᠢ { $max } ᠲᠡᠮᠳᠡᠭ᠃
meeting-error-past = ᠡᠨᠡ ᠴᠠᠭ ᠥᠩᠭᠡᠷᠡᠭᠰᠡᠨ ᠪᠠᠢᠨ᠎ᠠ᠂ ᠢᠷᠡᠬᠦ ᠴᠠᠭ ᠢ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃
meeting-error-too-far = ᠬᠤᠷᠠᠯ ᠢ ᠬᠠᠮᠤᠭ ᠤᠷᠲᠤ ᠳᠠᠭᠠᠨ ᠨᠢᠭᠡ ᠵᠢᠯ ᠦᠨ ᠡᠮᠦᠨ᠎ᠡ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠃
meeting-error-methods = ᠢᠷᠡᠯᠲᠡ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ ᠠᠷᠭ᠎ᠠ ᠠᠳᠠᠭ ᠨᠢ ᠨᠢᠭᠡ ᠶᠢ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃
meeting-error-location-needed = ᠪᠠᠢᠷᠢᠰᠢᠯ ᠢᠶᠠᠷ ᠢᠷᠡᠯᠲᠡ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ ᠳᠦ ᠤᠷᠢᠳᠠ ᠬᠤᠷᠠᠯ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠪᠠᠢᠷᠢᠰᠢᠯ ᠬᠡᠷᠡᠭᠲᠡᠢ᠃
meeting-error-radius = ᠢᠷᠡᠯᠲᠡ ᠶᠢᠨ ᠬᠡᠪᠴᠢᠶ᠎ᠡ 20 ᠮᠧᠲᠷ ᠡᠴᠡ 50 ᠺᠢᠯᠣᠮᠧᠲᠷ ᠬᠦᠷᠲᠡᠯ᠎ᠡ ᠪᠠᠢᠬᠤ ᠬᠡᠷᠡᠭᠲᠡᠢ᠃
meeting-error-window = ᠢᠷᠡᠯᠲᠡ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ ᠴᠠᠭ ᠬᠤᠷᠠᠯ ᠤᠨ ᠡᠮᠦᠨ᠎ᠡ ᠪᠠ ᠳᠠᠷᠠᠭ᠎ᠠ ᠬᠠᠮᠤᠭ ᠤᠷᠲᠤ ᠳᠠᠭᠠᠨ 12 ᠴᠠᠭ᠃
meeting-error-cancelled = ᠡᠨᠡ ᠬᠤᠷᠠᠯ ᠦᠭᠡᠢᠰᠭᠡᠭᠳᠡᠭᠰᠡᠨ ᠪᠠᠢᠨ᠎ᠠ᠃
meeting-error-over = ᠡᠨᠡ ᠬᠤᠷᠠᠯ ᠨᠢᠭᠡᠨᠲᠡ ᠲᠡᠭᠦᠰᠦᠭᠰᠡᠨ ᠪᠠᠢᠨ᠎ᠠ᠃
meeting-error-not-invited = ᠲᠠ ᠡᠨᠡ ᠬᠤᠷᠠᠯ ᠤᠨ ᠤᠷᠢᠯᠭ᠎ᠠ ᠶᠢᠨ ᠨᠡᠷᠡᠰ ᠦᠨ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃
leave-error-reason = ᠴᠢᠯᠦᠭᠡ ᠶᠢᠨ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠂ ᠬᠠᠮᠤᠭ ᠤᠷᠲᠤ ᠨᠢ { $max } ᠲᠡᠮᠳᠡᠭ᠃
leave-error-signed-in = ᠲᠠ ᠨᠢᠭᠡᠨᠲᠡ ᠢᠷᠡᠯᠲᠡ ᠪᠦᠷᠢᠳᠬᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠲᠤᠯᠠ ᠴᠢᠯᠦᠭᠡ ᠭᠤᠶᠤᠬᠤ ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ᠃
leave-error-decided = ᠡᠨᠡ ᠴᠢᠯᠦᠭᠡ ᠶᠢᠨ ᠬᠦᠰᠡᠯᠲᠡ ᠶᠢ ᠨᠢᠭᠡᠨᠲᠡ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ ᠪᠠᠢᠨ᠎ᠠ᠃
minutes-error-long = ᠨᠢᠭᠡ ᠤᠳᠠᠭ᠎ᠠ ᠳᠤ ᠬᠠᠮᠤᠭ ᠤᠯᠠᠨ ᠳᠠᠭᠠᠨ { $max } ᠲᠡᠮᠳᠡᠭ ᠢᠯᠡᠭᠡᠨ᠎ᠡ᠂ ᠬᠡᠳᠦᠨ ᠤᠳᠠᠭ᠎ᠠ ᠬᠤᠪᠢᠶᠠᠵᠤ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃
meeting-error-own-decision = ᠥᠪᠡᠷ ᠤᠨ ᠴᠢᠯᠦᠭᠡ ᠪᠤᠶᠤ ᠢᠷᠡᠯᠲᠡ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠢ ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠬᠦ ᠦᠭᠡᠢ᠂ ᠳᠡᠭᠡᠳᠦ ᠱᠠᠲᠤᠨ ᠤ ᠡᠭᠦᠷᠭᠡ᠃
