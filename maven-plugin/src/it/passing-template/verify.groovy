// A template under src/main/resources with no error passes, and slens:help lists the goal.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('slens: 1 file analyzed, ')
assert log.contains('(0 errors, ')
assert log.contains('reports: target/slens/slens.sarif, target/slens/slens.html')
assert new File(basedir, 'target/slens/slens.html').text.contains('<h1><span class="brand">slens</span> report</h1>')
assert log.contains('slens:check')
assert log.contains('BUILD SUCCESS')

def run = new JsonSlurper().parse(new File(basedir, 'target/slens/slens.sarif')).runs[0]
assert run.artifacts*.location*.uri == [uriPrefix(basedir) + 'src/main/resources/template.yaml']
assert !run.results*.level.contains('error')

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
