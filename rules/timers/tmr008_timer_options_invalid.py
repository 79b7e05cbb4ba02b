"""## What it does
Reads `Timer@options` (options separated by `;`, names without case) as DataMiner does and
reports, in one finding per timer, everything wrong with them:

- an unknown option, an option given twice;
- `each:<ms>` without a period; `ip:<tablePid>,<columnIdx>` and
  `instance:<tablePid>,<columnIdx>` naming a parameter or a column idx
  (`ArrayOptions/ColumnOption@idx`) that does not exist, a parameter that is no table,
  or values that are no numbers;
- `ignoreIf:<columnIdx>,<value>` without its value, or a column the `ip` table lacks;
- `ping:` settings (`rttColumn`, `timestampColumn`, `jitterColumn`, `latencyColumn`,
  `packetLossRateColumn` are 1-based column positions of the `ip` table; `ttl`,
  `timeout`, `size`, `amountPackets...` numbers; `type` icmp or winsock;
  `continueSnmpOnTimeout` true or false; the `...Pid` settings existing parameters;
  the obsolete `timeoutPid`), unknown or duplicate ones;
- `pollingRate:<interval>,<maxCount>,<releaseCount>` incomplete;
- `qaction`, `qactionBefore`, `qactionAfter` naming no existing QAction (`qaction` itself
  is obsolete);
- `threadPool:<size>,<calculationInterval>,<usagePid>,...,<queueSize>`: numbers, existing
  parameters or -1;
- `dynamicThreadPool:<pid>` naming no existing parameter;
- any option of a timer that lacks one of `ip`, `each` and `threadPool`: options make a
  timer multi-threaded, and a multi-threaded timer needs all three.

The sub-problems are the finding's related locations (the official validator reports them
as sub-results of 7.3.5).

## Why is this bad
DataMiner skips options it cannot read, or the timer does not start at all: rows are not
polled, polled from the wrong column, or polled without the threads the options meant.

## Example
```xml
<Timer id="1" options="ip:2000,9;each:abc">...</Timer>   <!-- no column idx 9, no threadPool -->
```

## Use instead
```xml
<Timer id="1" options="ip:2000,1;each:10000;threadPool:10">...</Timer>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.timers._timers import valid_timers

CODE = "TMR008"
NAME = "timer-options-invalid"
SEVERITY = "error"
SUMMARY = "A timer's options are unknown, incomplete, or name what does not exist"


def check(model):
    for timer in valid_timers(model):
        problems = model.timer_option_problems.get(timer.element)
        if not problems:
            continue
        shown = "; ".join(problem.message for problem in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        yield Problem(timer.element, f"{timer.label} has options '{timer.options.raw}' that DataMiner cannot use: "
                                     f"{shown}{more}", attribute="options", official="7.3.5",
                      related=tuple((timer.element, f"{problem.message} ({problem.code})") for problem in problems))
