command-broadcast = ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢᠯᠡᠭᠡᠬᠦ
command-broadcasts = ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ

## ᠮᠡᠳᠡᠭᠳᠡᠯ ᠪᠢᠴᠢᠬᠦ
broadcast-abort = ✖ ᠦᠭᠡᠢᠰᠭᠡᠬᠦ
broadcast-choose-scope = ᠶᠠᠮᠠᠷ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠨᠡᠷ᠎ᠡ ᠪᠡᠷ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢᠯᠡᠭᠡᠬᠦ ᠪᠤᠢ?
broadcast-choose-where = “{ $org }”᠄ ᠶᠠᠮᠠᠷ ᠬᠡᠰᠡᠭ ᠲᠦ ᠢᠯᠡᠭᠡᠬᠦ ᠪᠤᠢ?
broadcast-where-scope = ᠪᠦᠬᠦ (ᠡᠨᠡ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠪᠠ ᠳᠣᠣᠷᠠᠬᠢ ᠨᠢ)
broadcast-where-branches = ᠰᠠᠯᠪᠤᠷᠢ ᠰᠣᠩᠭᠣᠬᠤ (ᠣᠯᠠᠨ ᠢ ᠰᠣᠩᠭᠣᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ)
broadcast-where-group = ᠨᠢᠭᠡ ᠨᠠᠮ ᠤᠨ ᠪᠦᠯᠦᠭ
broadcast-choose-branches = ᠢᠯᠡᠭᠡᠬᠦ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢ ᠳᠠᠷᠤᠵᠤ ᠰᠣᠩᠭᠣᠭᠠᠳ (ᠣᠯᠠᠨ ᠢ ᠰᠣᠩᠭᠣᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ)᠂ “ᠳᠠᠭᠤᠰᠪᠠ” ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
broadcast-branches-done = ✅ ᠳᠠᠭᠤᠰᠪᠠ ({ $count } ᠰᠣᠩᠭᠣᠭᠰᠠᠨ)
broadcast-choose-group = ᠨᠠᠮ ᠤᠨ ᠪᠦᠯᠦᠭ ᠢ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠄
broadcast-choose-who = ᠬᠡᠨ ᠳᠦ ᠢᠯᠡᠭᠡᠬᠦ ᠪᠤᠢ?
broadcast-who-secretaries = ᠱᠤᠵᠢ᠂ ᠳᠡᠳ ᠱᠤᠵᠢ
broadcast-who-officers = ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠬᠣᠷᠢᠶ᠎ᠠ (ᠱᠤᠵᠢ᠂ ᠳᠡᠳ ᠱᠤᠵᠢ᠂ ᠬᠣᠷᠢᠶ᠎ᠠ ᠶᠢᠨ ᠭᠡᠰᠢᠭᠦᠳ)
broadcast-who-party = ᠪᠦᠬᠦ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ (ᠪᠡᠯᠡᠳᠬᠡᠯ ᠭᠡᠰᠢᠭᠦᠳ ᠢ ᠣᠷᠣᠭᠤᠯᠤᠨ᠎ᠠ)
broadcast-who-everyone = ᠪᠦᠬᠦ ᠬᠦᠮᠦᠨ (ᠣᠯᠠᠨ ᠲᠦᠮᠡᠨ ᠢ ᠣᠷᠣᠭᠤᠯᠤᠨ᠎ᠠ)
broadcast-audience = { $where } · { $who }
broadcast-ask-content =
    ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠬᠦᠮᠦᠨ᠄ { $audience }
    ᠮᠡᠳᠡᠭᠳᠡᠯ ᠦᠨ ᠠᠭᠤᠯᠭ᠎ᠠ ᠶᠢ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠄ ᠦᠰᠦᠭ᠂ ᠵᠢᠷᠤᠭ᠂ ᠹᠠᠢᠯ ᠡᠰᠡᠪᠡᠯ ᠳᠠᠭᠤᠨ ᠮᠡᠳᠡᠭᠡ (ᠵᠢᠷᠤᠭ᠂ ᠹᠠᠢᠯ᠂ ᠳᠠᠭᠤᠨ ᠮᠡᠳᠡᠭᠡ ᠳᠦ ᠲᠠᠢᠯᠪᠤᠷᠢ ᠦᠰᠦᠭ ᠨᠡᠮᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ)᠃
broadcast-ask-urgent = ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠤᠤ? ᠡᠩ ᠦᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠠᠮᠠᠷᠠᠯᠲᠠ ᠶᠢᠨ ᠴᠠᠭ ({ $quiet }) ᠲᠤ ᠲᠠᠭᠠᠷᠢᠪᠠᠯ ᠡᠭᠦᠷ ᠢᠯᠡᠭᠡᠭᠳᠡᠨ᠎ᠡ᠂ ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠳᠠᠷᠤᠢ ᠢᠯᠡᠭᠡᠭᠳᠡᠨ᠎ᠡ᠃
broadcast-urgent-no = ᠡᠩ ᠦᠨ (ᠠᠮᠠᠷᠠᠯᠲᠠ ᠶᠢᠨ ᠴᠠᠭ ᠢ ᠰᠠᠬᠢᠨ᠎ᠠ)
broadcast-urgent-yes = ⚠️ ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ (ᠳᠠᠷᠤᠢ ᠢᠯᠡᠭᠡᠬᠦ)
broadcast-preview-title = 👀 ᠤᠷᠢᠳᠴᠢᠯᠠᠨ ᠦᠵᠡᠬᠦ᠄ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠬᠦᠮᠦᠨ ᠳᠡᠭᠡᠷᠡᠬᠢ ᠮᠡᠳᠡᠭᠡ ᠶᠢ ᠦᠵᠡᠨ᠎ᠡ᠃
broadcast-preview-audience = ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠬᠦᠮᠦᠨ᠄ { $audience }
broadcast-preview-count = ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠬᠦᠮᠦᠨ ᠦ ᠲᠣᠭ᠎ᠠ᠄ { $count }
broadcast-preview-offline = ᠪᠠᠰᠠ { $count } ᠬᠦᠮᠦᠨ Telegram ᠬᠡᠷᠡᠭᠯᠡᠭᠡ ᠦᠭᠡᠢ ᠲᠤᠯᠠ ᠡᠨᠡ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠭᠡᠢ᠃
broadcast-preview-now = ᠢᠯᠡᠭᠡᠬᠦ ᠴᠠᠭ᠄ ᠪᠠᠲᠤᠯᠠᠭᠰᠠᠨ ᠳᠠᠷᠤᠢ᠃
broadcast-preview-held = ᠢᠯᠡᠭᠡᠬᠦ ᠴᠠᠭ᠄ ᠣᠳᠣ ᠠᠮᠠᠷᠠᠯᠲᠠ ᠶᠢᠨ ᠴᠠᠭ ᠲᠤᠯᠠ { $time } ᠳᠤ ᠢᠯᠡᠭᠡᠨ᠎ᠡ᠃
broadcast-preview-urgent = ⚠️ ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ
broadcast-preview-nobody = ᠡᠨᠡ ᠬᠦᠷᠢᠶ᠎ᠡᠨ ᠳᠦ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠴᠤ ᠴᠢᠳᠠᠬᠤ ᠬᠦᠮᠦᠨ ᠦᠭᠡᠢ᠂ ᠦᠭᠡᠢᠰᠭᠡᠭᠡᠳ ᠳᠠᠬᠢᠨ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃
broadcast-confirm = ✅ ᠪᠠᠲᠤᠯᠠᠵᠤ ᠢᠯᠡᠭᠡᠬᠦ
broadcast-edit = ✏️ ᠠᠭᠤᠯᠭ᠎ᠠ ᠶᠢ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ
broadcast-queued = ✅ #{ $id } ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢ { $count } ᠬᠦᠮᠦᠨ ᠳᠦ ᠢᠯᠡᠭᠡᠬᠦ ᠡᠭᠦᠯᠡ ᠳᠦ ᠣᠷᠣᠭᠤᠯᠪᠠ᠃ ᠢᠯᠡᠭᠡᠬᠦ ᠶᠠᠪᠤᠴᠠ ᠳᠣᠣᠷᠠᠬᠢ ᠮᠡᠳᠡᠭᠡ ᠳᠦ᠂ ᠰᠤᠷᠤᠯᠴᠠᠭᠰᠠᠨ ᠪᠠᠢᠳᠠᠯ ᠢ /broadcasts ᠡᠴᠡ ᠦᠵᠡᠨ᠎ᠡ᠃
broadcast-progress-queued = ⏳ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢᠯᠡᠭᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ᠄ { $count } ᠬᠦᠮᠦᠨ ᠡᠭᠦᠯᠡ ᠳᠦ᠃
broadcast-progress-held = ⏳ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠡᠭᠦᠯᠡ ᠳᠦ ᠪᠠᠢᠨ᠎ᠠ᠄ { $count } ᠬᠦᠮᠦᠨ᠂ { $time } ᠳᠤ ᠢᠯᠡᠭᠡᠨ᠎ᠡ (ᠠᠮᠠᠷᠠᠯᠲᠠ ᠶᠢᠨ ᠴᠠᠭ)᠃

## ᠠᠯᠳᠠᠭ᠎ᠠ
broadcast-error-audience = ᠰᠣᠩᠭᠣᠭᠰᠠᠨ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠬᠦᠮᠦᠨ ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ᠂ ᠳᠠᠬᠢᠨ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃
broadcast-error-no-branches = ᠳᠣᠣᠷᠠᠳᠠᠨ ᠨᠢᠭᠡ ᠰᠠᠯᠪᠤᠷᠢ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃
broadcast-error-empty = ᠮᠡᠳᠡᠭᠳᠡᠯ ᠦᠨ ᠠᠭᠤᠯᠭ᠎ᠠ ᠬᠣᠭᠣᠰᠤᠨ ᠪᠠᠢᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃
broadcast-error-too-long = ᠮᠡᠳᠡᠭᠳᠡᠯ ᠬᠡᠳᠦ ᠤᠷᠲᠤ ({ $length } ᠦᠰᠦᠭ)᠂ ᠬᠠᠮᠤᠭ ᠤᠨ ᠢᠯᠡᠭᠦᠦ { $max } ᠦᠰᠦᠭ᠃ ᠪᠣᠭᠣᠰᠬᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃
broadcast-error-caption-too-long = ᠲᠠᠢᠯᠪᠤᠷᠢ ᠦᠰᠦᠭ ᠬᠡᠳᠦ ᠤᠷᠲᠤ ({ $length } ᠦᠰᠦᠭ)᠂ ᠬᠠᠮᠤᠭ ᠤᠨ ᠢᠯᠡᠭᠦᠦ { $max } ᠦᠰᠦᠭ᠃
broadcast-error-content-type = ᠵᠥᠪᠬᠡᠨ ᠦᠰᠦᠭ᠂ ᠵᠢᠷᠤᠭ᠂ ᠹᠠᠢᠯ ᠡᠰᠡᠪᠡᠯ ᠳᠠᠭᠤᠨ ᠮᠡᠳᠡᠭᠡ ᠢᠯᠡᠭᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃
broadcast-error-urgent = ᠵᠥᠪᠬᠡᠨ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠬᠤ ᠬᠡᠯᠲᠡᠰ ᠦᠨ ᠬᠠᠮᠢᠶᠠᠷᠤᠭᠴᠢ ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢᠯᠡᠭᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃
broadcast-error-nobody = ᠡᠨᠡ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠴᠤ ᠴᠢᠳᠠᠬᠤ ᠬᠦᠮᠦᠨ ᠦᠭᠡᠢ᠃
broadcast-error-ack-stale = ᠡᠨᠡ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠂ ᠡᠰᠡᠪᠡᠯ ᠳᠠᠷᠤᠭᠤᠯ ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠵᠠᠢ᠃
broadcast-error-ack-foreign = ᠡᠨᠡ ᠳᠠᠷᠤᠭᠤᠯ ᠢ ᠵᠥᠪᠬᠡᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠬᠦᠮᠦᠨ ᠳᠠᠷᠤᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃

## ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠬᠦᠮᠦᠨ
broadcast-header = 📢 { $org } ᠤᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ
broadcast-header-urgent = ⚠️ { $org } ᠤᠨ ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ
broadcast-ack-button = ✅ ᠰᠤᠷᠤᠯᠴᠠᠪᠠ / ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠠ
broadcast-ack-button-done = ✔ ᠰᠤᠷᠤᠯᠴᠠᠪᠠ
broadcast-ack-recorded = ᠲᠡᠮᠳᠡᠭᠯᠡᠪᠡ᠂ ᠪᠠᠶᠠᠷᠯᠠᠯ᠎ᠠ!
broadcast-ack-already = ᠡᠨᠡ ᠨᠢ ᠨᠢᠭᠡᠨᠲᠡ ᠲᠡᠮᠳᠡᠭᠯᠡᠭᠳᠡᠭᠰᠡᠨ᠃

## ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ
broadcasts-none = ᠲᠠ ᠣᠳᠣ ᠬᠦᠷᠲᠡᠯ᠎ᠡ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢᠯᠡᠭᠡᠭᠡ ᠦᠭᠡᠢ᠃ /broadcast ᠢᠯᠡᠭᠡᠵᠦ ᠡᠬᠢᠯᠡᠭᠡᠷᠡᠢ᠃
broadcasts-header = ᠰᠦᠢᠯᠡᠭᠡᠷ ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ (ᠳᠠᠷᠤᠵᠤ ᠳᠡᠯᠭᠡᠷᠡᠩᠭᠦᠢ ᠦᠵᠡᠨ᠎ᠡ)᠄
broadcast-content-photo = [ᠵᠢᠷᠤᠭ]
broadcast-content-document = [ᠹᠠᠢᠯ]
broadcast-content-voice = [ᠳᠠᠭᠤᠨ ᠮᠡᠳᠡᠭᠡ]
broadcast-counts = ᠬᠦᠷᠭᠡᠭᠳᠡᠭᠰᠡᠨ { $sent } · ᠬᠦᠯᠢᠶᠡᠯᠭᠡ ᠳᠦ { $pending } · ᠬᠦᠷᠭᠡᠵᠦ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ { $unreachable } · ᠰᠤᠷᠤᠯᠴᠠᠭᠰᠠᠨ { $acknowledged }/{ $sent }
broadcast-card-title = #{ $id } ᠮᠡᠳᠡᠭᠳᠡᠯ · { $time }
broadcast-card-urgent = ⚠️ ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ
broadcast-card-held = ᠠᠮᠠᠷᠠᠯᠲᠠ ᠶᠢᠨ ᠴᠠᠭ ᠳᠠᠭᠤᠰᠬᠤ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ { $time } ᠳᠤ ᠢᠯᠡᠭᠡᠨ᠎ᠡ
broadcast-card-offline = Telegram ᠬᠡᠷᠡᠭᠯᠡᠭᠡ ᠦᠭᠡᠢ᠂ ᠢᠯᠡᠭᠡᠭᠡ ᠦᠭᠡᠢ᠄ { $count } ᠬᠦᠮᠦᠨ
broadcast-show-not-acknowledged = ᠰᠤᠷᠤᠯᠴᠠᠭ᠎ᠠ ᠦᠭᠡᠢ ᠬᠦᠮᠦᠨ ({ $count })
broadcast-show-unreachable = ᠬᠦᠷᠭᠡᠵᠦ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ ᠬᠦᠮᠦᠨ ({ $count })
broadcast-back = ◀ ᠪᠤᠴᠠᠬᠤ
broadcast-names-not-acknowledged = ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠪᠣᠯᠪᠠᠴᠥ “ᠰᠤᠷᠤᠯᠴᠠᠪᠠ” ᠶᠢ ᠳᠠᠷᠤᠭ᠎ᠠ ᠦᠭᠡᠢ { $total } ᠬᠦᠮᠦᠨ ({ $page }/{ $pages } ᠨᠢᠭᠤᠷ)᠄
broadcast-names-unreachable = ᠬᠦᠷᠭᠡᠵᠦ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ { $total } ᠬᠦᠮᠦᠨ (ᠪᠣᠲ ᠢ ᠬᠠᠭᠠᠭᠰᠠᠨ ᠡᠰᠡᠪᠡᠯ ᠣᠯᠠᠨ ᠤᠳᠠᠭ᠎ᠠ ᠢᠯᠡᠭᠡᠵᠦ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ; { $page }/{ $pages } ᠨᠢᠭᠤᠷ)᠄
broadcast-names-none = ᠦᠭᠡᠢ᠃
