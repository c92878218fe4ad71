command-deadlines = Required meetings: held, due, missed
