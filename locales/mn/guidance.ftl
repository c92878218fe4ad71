command-guidance = ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠠᠯᠲᠠ
command-coverage = ᠵᠢᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠬᠡᠷᠡᠭᠵᠢᠯᠲᠡ
command-themedday = ᠨᠠᠮ ᠤᠨ ᠡᠳᠦᠷ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ
