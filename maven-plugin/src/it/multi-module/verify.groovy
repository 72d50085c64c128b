// In a reactor, the module with the error fails and the clean module before it passes.
String log = new File(basedir, 'build.log').text
assert log =~ /(?m)^\[INFO\] good \.+ SUCCESS/
assert log =~ /(?m)^\[INFO\] bad \.+ FAILURE/
assert log =~ /template\.yaml:10:\d+: error SL1003 \[Orders\] /
assert log.contains('BUILD FAILURE')

assert new File(basedir, 'good/target/slens/slens.sarif').isFile()
assert new File(basedir, 'bad/target/slens/slens.sarif').isFile()
