command-dues = 党费：应交、已交、补交
