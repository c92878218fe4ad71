command-deadlines = 三会一课完成情况与截止提醒
