command-dues = Party dues: owed, paid, back payments

## /dues: the member's account
dues-account-title = 💰 My party dues · { $branch }
dues-account-none = Your branch has not set your dues yet. Please contact the branch secretary.
dues-account-category = Category: { $category }
dues-account-base = Base: { $base } yuan a month
dues-account-amount = Monthly dues: { $amount } yuan
dues-account-reduced = (the rules give { $rule } yuan; reduced because: { $reason })
dues-account-paid-year = Paid in { $year }: { $months }
dues-account-paid-year-none = Nothing paid in { $year } yet.
dues-account-owed = Unpaid months: { $months }, { $amount } yuan in all
dues-account-too-old = Of these, { $months } are more than six months back and can no longer be paid; please talk to the branch secretary.
dues-account-clear = ✅ Nothing owed.
dues-account-streak = ⚠ { $count ->
    [one] One month overdue.
   *[other] { $count } months unpaid in a row.
}
dues-account-pending = { $count } payment report(s) waiting for the branch to confirm.
dues-home-officer = 📊 Branch dues:

dues-category-employed = Employed
dues-category-retired = Retired
dues-category-farmer = Farmer / herder
dues-category-student = Student
dues-category-low_income = Unemployed / low income
dues-category-annual_salary = Annual salary
dues-category-self_employed = No fixed salary
dues-category-hardship = Hardship (reduced)

dues-button-report = 💰 Report a payment
dues-button-mine = 📜 My payments
dues-button-branch = 📊 { $branch }
dues-button-branches = 🏢 Choose a branch
dues-button-home = ↩ Dues home
dues-button-back = ↩ Back
dues-button-abort = ✖ Cancel
dues-button-next = Next ▶
dues-button-accept-amount = ✅ I paid { $amount } yuan
dues-button-skip-photo = No receipt, skip
dues-button-submit = ✅ Submit the report
dues-button-paid-by = 👤 Someone paid for me
dues-button-confirm = ✅ Confirm
dues-button-reject = ✖ Send back
dues-button-receipt = 📷 Receipt
dues-button-prev-month = ◀ Previous month
dues-button-next-month = Next month ▶
dues-button-pending = 🧾 To confirm ({ $count })
dues-button-record = ✍ Record payments
dues-button-assess = ⚙ Set a member's dues
dues-button-year = 📅 The year
dues-button-month-xlsx = 📥 Month ledger
dues-button-year-xlsx = 📥 Year ledger
dues-button-all-unpaid = Select everyone unpaid this month
dues-button-this-month = This month ({ $month })
dues-button-quarter = This quarter ({ $quarter })
dues-button-choose-months = Choose months
dues-button-no-paid-by = Paid in person, nobody else
dues-button-record-confirm = ✅ Record
dues-button-no-reduction = No reduction
dues-button-save = ✅ Save
dues-branches-title = Which branch's dues?
dues-not-assessed-mark = not set

dues-mine-title = 📜 My payments
dues-mine-empty = No payments yet.
dues-mine-line = { $date } · { $months } · { $amount } yuan · { $status }
dues-mine-note = ↳ sent back because: { $reason }
dues-status-reported = waiting for confirmation
dues-status-confirmed = confirmed
dues-status-rejected = sent back

## reporting a payment
dues-nothing-to-pay = There is no month you can pay now.
dues-report-ask-months = Which months did you pay? Tap a month to select or unselect it ({ $count } selected, { $total } yuan).
dues-report-ask-amount = { $months }: { $total } yuan due. If that is what you paid, tap the button; if you paid more (a voluntary extra), type the amount, e.g. 50 or 50.5.
dues-report-ask-photo = Amount: { $amount } yuan. Send a photo of the transfer or receipt, or tap “skip”.
dues-report-photo-expected = Please send a photo, or tap “skip”.
dues-report-confirm = Please check and submit:
dues-report-ask-paid-by = Type the name of who paid for you (e.g. my daughter Wang Fang).
dues-report-sent = ✅ Reported to { $branch }. You will be told when the branch confirms it.
dues-aborted = Cancelled.

dues-payment-months = Months: { $months }
dues-payment-amount = Amount: { $amount } yuan (due { $due } yuan)
dues-payment-extra = including a voluntary extra of { $amount } yuan
dues-payment-paid-by = Paid by: { $name }
dues-payment-receipt = 📷 A receipt is attached

## officers: reports to confirm
dues-notice-reported = 🧾 { $name } reports a dues payment ({ $branch }); please check and confirm:
dues-notice-confirmed = ✅ Your dues payment ({ $months }, { $amount } yuan) was confirmed by the branch.
dues-notice-rejected = ✖ Your dues payment ({ $months }, { $amount } yuan) was sent back by the branch: { $reason }
    You can report it again with /dues.
dues-card-title = 🧾 Payment report of { $name } · { $status }
dues-confirmed-done = ✅ Confirmed the dues of { $name }:
dues-reject-ask = Why do you send back the report of { $name }? (They will be told.)
dues-rejected-done = Sent back the report of { $name } and told them.
dues-pending-title = 🧾 { $count } payment report(s) to confirm:
dues-pending-empty = No payment reports to confirm.

## a branch's overview
dues-overview-title = 📊 { $branch } · dues for { $month }
dues-overview-none = No member's dues have been set yet.
dues-overview-totals = { $assessed } members assessed: { $due } yuan due, { $paid } yuan paid ({ $count } members)
dues-overview-unpaid = { $count } unpaid:
dues-overview-unpaid-line = • { $name } { $amount } yuan{ $streak ->
    [0] {""}
    [one] {" "}(1 month overdue)
   *[other] {" "}({ $streak } months unpaid in a row)
}
dues-overview-more = … and { $count } more
dues-overview-all-paid = ✅ Everyone who owes dues this month has paid.
dues-overview-unassessed = { $count } party members without dues set: { $names }
dues-overview-pending = 🧾 { $count } payment report(s) to confirm
dues-year-title = 📅 { $branch } · dues for { $year }
dues-year-line = { $month }: { $due } yuan due, { $paid } yuan paid
dues-year-totals = Year: { $due } yuan due, { $paid } yuan paid; { $arrears } yuan owed

## recording payments
dues-record-no-members = No member owes dues yet; set their dues first.
dues-record-ask-members = Whose payments do you record? Tap names to select ({ $count } selected; ✔ = paid this month).
dues-record-ask-months = { $count } selected. Which months?
dues-record-choose-months = Choose the months (up to six back, three ahead):
dues-record-ask-paid-by = If someone else paid (e.g. the group leader collected it), type their name; otherwise tap the button.
dues-record-preview = Recording { $months } for { $count } members, { $total } yuan in all (paid by: { $paid_by }):
dues-record-line = • { $name }: { $months }, { $amount } yuan
dues-record-skipped-paid = ↳ { $name }: { $months } already paid, skipped
dues-record-skipped-pending = ↳ { $name }: { $months } reported by the member, confirm it under “to confirm”; skipped
dues-record-skipped-not-due = ↳ { $name }: nothing due for { $months }, skipped
dues-record-nothing = There is nothing to record.
dues-record-done = ✅ Recorded payments of { $count } members, { $total } yuan in all:

## dues settings
dues-assess-no-members = This branch has no party members yet.
dues-assess-ask-member = Whose dues do you set?
dues-assess-ask-category = Which category is { $name } in?
dues-assess-ask-base = Type the base for { $name } ({ $category }: monthly salary after tax or pension, in yuan), e.g. 4500.
dues-assess-ask-reduction = By the rules { $name } owes { $rule } yuan a month. If a reduction was approved, type the reduced amount (0 = exempt); otherwise tap “no reduction”.
dues-assess-ask-hardship = Type the monthly amount approved for { $name } (0 = exempt).
dues-assess-ask-reason = Type the reason for the reduction (it is kept on record).
dues-assess-preview = Please check: { $name } · { $category } · { $amount } yuan a month
dues-assess-saved = ✅ Saved: { $name } pays { $amount } yuan a month from { $month } on.

## the dues day and the farmers' amount
dues-button-dues-day = 📅 Change the dues day
dues-button-farmer = 🌾 Farmers' and herders' dues · { $committee }
dues-source-own = set here
dues-source-from = set by { $org }
dues-source-default = the default
dues-day-line = 📅 Dues day: day { $day } of each month ({ $source })
dues-farmer-line = 🌾 { $committee }: farmer and herder members pay { $amount } yuan a month ({ $source })
dues-day-ask = { $branch }: dues are due on day { $day } of each month ({ $source }). That day at 09:00 the members are reminded; { $digest } days later the officers get the digest and unpaid months count as overdue.
    Type the new dues day, from 1 to 28 (e.g. 15).
dues-day-saved = ✅ { $branch } now collects dues on day { $day } of each month.
    Next reminder to the members: { $reminder }
    Next digest to the officers: { $digest }
dues-farmer-ask = { $committee }: farmer and herder members pay { $amount } yuan a month ({ $source }). Every branch below that sets no amount of its own uses this one.
    Type the new monthly amount in yuan, from { $min } to { $max } (e.g. 0.5).
dues-farmer-saved = ✅ { $committee }: farmer and herder members are now assessed at { $amount } yuan a month.
    Members already assessed keep their current amount: it changes only when their branch secretary sets their dues again.

## the XLSX ledger
dues-xlsx-title-month = { $branch } party dues ledger { $month }
dues-xlsx-title-year = { $branch } party dues ledger { $year }
dues-xlsx-member = Name
dues-xlsx-category = Category
dues-xlsx-due = Due (yuan)
dues-xlsx-paid = Paid (yuan)
dues-xlsx-paid-on = Paid on
dues-xlsx-arrears-months = Months owed
dues-xlsx-arrears = Owed (yuan)
dues-xlsx-total = Total
dues-xlsx-due-total = Year due (yuan)
dues-xlsx-paid-total = Year paid (yuan)

## errors
dues-error-not-member = This is where party members pay their dues; you are not a party member of a branch.
dues-error-nothing = Party dues are for party members and branch officers.
dues-error-no-months = Please select at least one month.
dues-error-month-pending = { $month } is already in a report waiting for confirmation.
dues-error-month-paid = { $month } is already paid.
dues-error-month-window = { $month } cannot be paid: only assessed months up to six back and three ahead.
dues-error-amount = Please type an amount, e.g. 12 or 12.50.
dues-error-amount-large = The amount cannot be more than { $max } yuan.
dues-error-amount-low = The amount cannot be less than the { $total } yuan due.
dues-error-paid-by = The name can have at most { $max } characters.
dues-error-payment-gone = This payment was not found.
dues-error-already-confirmed = This payment was already confirmed; nothing to do.
dues-error-already-rejected = This payment report was already sent back.
dues-error-confirm-paid = Cannot confirm: { $months } was recorded as paid meanwhile. Please send the report back and say why.
dues-error-confirm-not-due = Cannot confirm: a month in it is no longer due (the dues were changed). Please send the report back.
dues-error-confirm-amount = Cannot confirm: the amount is below the { $total } yuan now due (the dues were changed). Please send the report back.
dues-error-reason = Please give a reason (at most { $max } characters).
dues-error-base-missing = This category needs a base.
dues-error-base-range = The base must be between 0 and { $max } yuan.
dues-error-base-zero = This base gives 0 yuan a month: please check it and type it again. To exempt the member, type the real base, then 0 as the reduced amount with the reason.
dues-error-hardship = A hardship member needs the reduced amount.
dues-error-reduction = The reduced amount must be between 0 and { $max } yuan.
dues-error-member = This person is not a member of this branch who pays dues here.
dues-error-ledger-month = Only this month and earlier months can be shown.
dues-error-no-members = Please select at least one member.
dues-error-batch-large = At most { $max } members can be recorded at once.
dues-error-race = Someone else changed these records a moment ago; please start again.
dues-error-category = Please choose a category with the buttons.
dues-error-dues-day = Please type a day from 1 to 28, e.g. 15.
dues-error-farmer-range = Please type an amount from { $min } to { $max } yuan, e.g. 0.5.
