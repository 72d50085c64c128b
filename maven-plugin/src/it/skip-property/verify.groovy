// -Dslens.skip=true passes a failing template and writes no report.
String log = new File(basedir, 'build.log').text
assert log.contains('slens: skipped')
assert !log.contains('slens: 1 file analyzed')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/slens').exists()
