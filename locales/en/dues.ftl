command-dues = Party dues: owed, paid, back payments
