outbox-progress = 📤 ᠢᠯᠡᠭᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ: ᠬᠦᠷᠭᠡᠭᠰᠡᠨ { $sent } / ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠭ᠎ᠠ { $pending } / ᠬᠦᠷᠬᠦ ᠦᠭᠡᠢ { $unreachable } / ᠪᠦᠲᠦᠭᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ { $failed }᠂ ᠨᠡᠢᠲᠡ { $total }
outbox-report = ✅ ᠢᠯᠡᠭᠡᠵᠦ ᠳᠠᠭᠤᠰᠪᠠ᠂ { $elapsed } ᠵᠠᠷᠴᠠᠭᠤᠯᠪᠠ: ᠨᠡᠢᠲᠡ { $total }᠂ ᠬᠦᠷᠭᠡᠭᠰᠡᠨ { $sent }᠂ ᠬᠦᠷᠬᠦ ᠦᠭᠡᠢ { $unreachable }᠂ ᠪᠦᠲᠦᠭᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ { $failed }᠃
outbox-report-unreachable = ᠬᠦᠷᠴᠦ ᠳᠡᠢᠯᠦᠭᠰᠡᠨ ᠦᠭᠡᠢ (ᠪᠣᠲ ᠢ ᠬᠠᠭᠠᠭᠰᠠᠨ ᠪᠤᠶᠤ Telegram ᠠᠴᠠ ᠭᠠᠷᠤᠭᠰᠠᠨ)᠂ { $count } ᠬᠦᠮᠦᠨ:
outbox-report-failed = ᠣᠯᠠᠨ ᠤᠳᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠭᠠᠳ ᠬᠦᠷᠭᠡᠵᠦ ᠳᠡᠢᠯᠦᠭᠰᠡᠨ ᠦᠭᠡᠢ᠂ { $count } ᠬᠦᠮᠦᠨ:
outbox-report-more = … ᠪᠠᠰᠠ { $count } ᠬᠦᠮᠦᠨ
outbox-name-separator = {"᠂ "}
outbox-elapsed-short = { $minutes } ᠮᠢᠨᠦᠲ { $seconds } ᠰᠧᠺᠦᠨ᠋ᠳ
outbox-elapsed-long = { $hours } ᠴᠠᠭ { $minutes } ᠮᠢᠨᠦᠲ
