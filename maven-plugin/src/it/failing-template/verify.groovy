// The build fails on the SL1003 error, logs it as an [ERROR] line, names it with file, line and
// column in the failure message, and still writes both reports.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('slens: 1 file analyzed, ')
assert log.contains("slens found 1 finding at or above failOn 'error':")
assert log =~ /template\.yaml:10:\d+: error SL1003 \[Orders\] /
assert log =~ /\[ERROR\] template\.yaml:10:\d+: SL1003 /
assert log.contains('Reports: target/slens/slens.sarif, target/slens/slens.json')
assert log.contains('MojoFailureException')
assert log.contains('BUILD FAILURE')

def run = new JsonSlurper().parse(new File(basedir, 'target/slens/slens.sarif')).runs[0]
List ruleIds = run.results*.ruleId
assert ruleIds.contains('SL1003')
assert ruleIds.contains('SL1002')
List uris = run.results*.locations.flatten()*.physicalLocation*.artifactLocation*.uri
assert uris.unique() == [uriPrefix(basedir) + 'template.yaml']
assert new File(basedir, 'target/slens/slens.json').isFile()

// SARIF URIs are relative to the repository that holds the project: the nearest folder with a
// .git entry, which is this checkout when the tests run in one, or else the project folder.
String uriPrefix(File project) {
    File folder = project.canonicalFile
    while (folder != null && !new File(folder, '.git').exists()) {
        folder = folder.parentFile
    }
    return folder == null ? '' : folder.toPath().relativize(project.canonicalFile.toPath())
            .toString().replace('\\', '/') + '/'
}
