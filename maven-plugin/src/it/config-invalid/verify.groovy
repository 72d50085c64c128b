// Each mistake in .slens.yml is named with its file, line and column, and no report is written.
String log = new File(basedir, 'build.log').text
assert log.contains('Invalid slens configuration:')
assert log.contains(".slens.yml:1:10: 'fail-on' must be one of error, warning, info, none; found 'high'")
assert log.contains('MojoExecutionException')
assert !new File(basedir, 'target/slens/slens.sarif').exists()
