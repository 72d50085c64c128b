// stage, region and envFromProcess reach the Serverless Framework resolver: each function's
// runtime is chosen by one of them, and only the values set in pom.xml and invoker.properties
// pick a runtime past its end of support, so SL1003 reports all three functions.
import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/slens/slens.json'))
List messages = report.findings.findAll { it.ruleId == 'SL1003' }*.message
assert messages.any { it.contains('python3.7') } : messages
assert messages.any { it.contains('nodejs12.x') } : messages
assert messages.any { it.contains('ruby2.7') } : messages
