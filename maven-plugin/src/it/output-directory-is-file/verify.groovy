// An outputDirectory that is a file fails the build with a message saying so.
String log = new File(basedir, 'build.log').text
assert log.contains("is a file, not a folder; set it to a folder")
assert log.contains('BUILD FAILURE')
assert new File(basedir, 'reports.txt').text.startsWith('A plain file')
