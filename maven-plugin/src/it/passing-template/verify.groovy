// A template under src/main/resources with no error passes, slens:help lists the goal, and the
// JUnit report that prebuild.groovy left is deleted because this build writes only SARIF.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('slens: 1 file analyzed, ')
assert log.contains('(0 errors, ')
assert log.contains('reports: target/slens/slens.sarif')
assert log.contains('slens:check')
assert log.contains('BUILD SUCCESS')

def run = new JsonSlurper().parse(new File(basedir, 'target/slens/slens.sarif')).runs[0]
assert run.artifacts*.location*.uri == ['src/main/resources/template.yaml']
assert !run.results*.level.contains('error')
assert !new File(basedir, 'target/slens/slens-junit.xml').exists()
