command-report = Reports: meetings, attendance, dues, needs; XLSX registers
report-error-period = That period has not begun yet.
report-error-weights = Weights are whole numbers from 0 to 100, and at least one must be above 0.
report-error-stars = Star thresholds are four whole numbers from 1 to 100, each lower than the one before.
