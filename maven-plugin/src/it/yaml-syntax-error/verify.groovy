// Unparsable YAML is an execution error naming the file, reported after the SARIF is written.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('slens could not analyze 1 file: template.yaml')
assert log.contains(' SL0001 ')
assert log.contains('MojoExecutionException')
assert !log.contains('MojoFailureException')
assert log.contains('BUILD FAILURE')

def run = new JsonSlurper().parse(new File(basedir, 'target/slens/slens.sarif')).runs[0]
assert run.results*.ruleId == ['SL0001']
