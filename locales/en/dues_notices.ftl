## Party dues on the scheduler: reminders, digests, arrears warnings, escalations

# Members: the dues day
duesn-reminder = 💰 { $branch }: your party dues for { $month } are { $amount } yuan. Please pay them on time.
duesn-reminder-due = 💰 { $branch }: your party dues for { $month } are due. Please pay them on time.
duesn-reminder-earlier = { $count ->
    [one] One earlier month is
   *[other] { $count } earlier months are
} still unpaid (you may still pay { $count ->
    [one] it
   *[other] them
}): { $owed } yuan with this month.
duesn-hint-member = /dues shows your dues account and lets you report a payment.

# Officers: the monthly digest
duesn-digest-header = 📋 { $branch } · party dues of { $month }
duesn-digest-assessed = Members assessed: { $assessed } (exempt: { $exempt })
duesn-digest-paid = Paid: { $paid }, not paid: { $unpaid }
duesn-digest-totals = Due { $due } yuan, received { $received } yuan
duesn-digest-all-paid = ✅ Every member who owes dues has paid.
duesn-digest-unpaid-header = Not paid yet:
duesn-line-unpaid = • { $name }: { $amount } yuan (unpaid { $months ->
    [one] 1 month
   *[other] { $months } months in a row
})
duesn-digest-unassessed = Party members without a dues assessment: { $count }
duesn-digest-warned-header = ⚠️ New arrears warnings:
duesn-line-warned = • { $name }: { $months } months unpaid in a row, { $owed } yuan ({ $level })
duesn-level-warning = warning
duesn-level-urgent = urgent warning
duesn-level-escalation = reported to the committee
duesn-list-more = … and { $count } more.
duesn-digest-hint = /dues records payments and assesses members' dues.

# Arrears warnings: to the officers (when the digest was missed) and to the member
duesn-arrears-officers-header = ⚠️ { $branch } · dues arrears of { $month }
duesn-arrears-warning = ⚠️ { $branch }: your party dues are unpaid for { $months } months in a row ({ $first } – { $last }), { $owed } yuan in all. Please pay them soon.
duesn-arrears-urgent = ❗ { $branch }: your party dues are unpaid for { $months } months in a row ({ $first } – { $last }), { $owed } yuan in all. A member who does not pay for six months in a row without good reason is regarded as having left the Party: please pay now.
duesn-arrears-escalation = 🚨 { $branch }: your party dues are unpaid for { $months } months in a row ({ $first } – { $last }), { $owed } yuan in all. Under Article 9 of the Party Constitution, a member who fails to pay dues for six consecutive months without good reason is regarded as having given up membership. Contact your branch secretary now.

# The committee: six months unpaid
duesn-escalation-header = 🚨 { $committee } · { $month }: { $count ->
    [one] one member has
   *[other] { $count } members have
} not paid party dues for six months or more (risk of leaving the Party, Constitution art. 9)
duesn-line-escalated = • { $branch } · { $name }: { $months } months in a row
duesn-escalation-hint = Please have their branches talk with them, find out why and settle it by the rules.
