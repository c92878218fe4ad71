outbox-progress = 📤 Sending: sent { $sent } / pending { $pending } / unreachable { $unreachable } / failed { $failed } of { $total }
outbox-report = ✅ Broadcast finished in { $elapsed }: sent { $sent } of { $total }, unreachable { $unreachable }, failed { $failed }.
outbox-report-unreachable = Could not be reached (blocked the bot or left Telegram), { $count }:
outbox-report-failed = Not delivered after several tries, { $count }:
outbox-report-more = … and { $count } more
outbox-name-separator = {", "}
outbox-elapsed-short = { $minutes } min { $seconds } s
outbox-elapsed-long = { $hours } h { $minutes } min
