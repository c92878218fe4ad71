command-report = ᠠᠵᠢᠯ ᠤᠨ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ
report-error-period = ᠲᠤᠰ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠡᠬᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ᠃
report-error-weights = ᠵᠢᠩᠬᠦ ᠨᠢ 0–100 ᠪᠦᠬᠦᠯᠢ ᠲᠤᠭ᠎ᠠ ᠪᠠᠢᠨ᠎ᠠ᠃
report-error-stars = ᠣᠳᠤᠨ ᠤ ᠬᠢᠵᠠᠭᠠᠷ ᠨᠢ ᠳᠦᠷᠪᠡᠨ ᠲᠤᠭ᠎ᠠ ᠪᠠᠢᠨ᠎ᠠ᠃
