command-guidance = Monthly guidance: write and publish
command-coverage = Guidance coverage by branch
command-themedday = Set the branch's themed Party day
