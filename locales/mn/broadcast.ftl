command-broadcast = ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢᠯᠡᠭᠡᠬᠦ
command-broadcasts = ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ
