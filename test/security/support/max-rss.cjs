// Preloaded (NODE_OPTIONS=--require) into a child process: on exit, appends its
// peak resident set size in bytes to the file named by MAX_RSS_REPORT.
const fs = require('node:fs');
process.on('exit', () => {
  if (process.env.MAX_RSS_REPORT)
    fs.appendFileSync(process.env.MAX_RSS_REPORT, `${process.pid} ${process.resourceUsage().maxRSS * 1024}\n`);
});
