// The SL1003 error is suppressed with a reason, so the build passes and SARIF records why.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains(' suppressed')
assert log.contains('BUILD SUCCESS')

def run = new JsonSlurper().parse(new File(basedir, 'target/slens/slens.sarif')).runs[0]
def runtime = run.results.find { it.ruleId == 'SL1003' }
assert runtime != null
assert runtime.suppressions[0].kind == 'inSource'
assert runtime.suppressions[0].justification == 'The runtime upgrade ships with the next release.'
