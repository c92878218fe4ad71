command-dues = ᠨᠠᠮ ᠤᠨ ᠲᠠᠲᠠᠪᠤᠷᠢ
