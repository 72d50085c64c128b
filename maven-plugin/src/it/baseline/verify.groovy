// The SL1003 error is in the baseline, so both builds pass; disableRules switched off the cost
// pillar, so the log retention rule SL1005 made no finding.
import groovy.json.JsonSlurper

def baseline = new JsonSlurper().parse(new File(basedir, 'slens-baseline.json'))
assert baseline.fingerprint == 'slens/v3'
assert baseline.findings*.ruleId.contains('SL1003')
assert !baseline.findings*.ruleId.contains('SL1005')

def run = new JsonSlurper().parse(new File(basedir, 'target/slens/slens.sarif')).runs[0]
assert run.results.size() == baseline.findings.size()
assert run.results.every { it.baselineState == 'unchanged' }
String log = new File(basedir, 'build.log').text
assert log.contains(' in the baseline')
assert log.contains('BUILD SUCCESS')
