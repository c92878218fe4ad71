command-need = ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ
command-tickets = ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ ᠶᠢᠨ ᠪᠢᠴᠢᠭ
