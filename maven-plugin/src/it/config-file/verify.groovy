// .slens.yml switches SL1003 off and raises fail-on to warning, so the SL1002 warning fails.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('slens: using the configuration .slens.yml')
assert log.contains("at or above failOn 'warning':")
assert log.contains(' warning SL1002 [Orders] ')
assert log.contains('BUILD FAILURE')

def run = new JsonSlurper().parse(new File(basedir, 'target/slens/slens.sarif')).runs[0]
List ruleIds = run.results*.ruleId
assert ruleIds.contains('SL1002')
assert !ruleIds.contains('SL1003')
