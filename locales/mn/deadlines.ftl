command-deadlines = ᠬᠤᠷᠠᠯ ᠤᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ
