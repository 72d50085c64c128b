// A JUnit report left by an earlier build with other formats, which check must delete.
File stale = new File(basedir, 'target/slens/slens-junit.xml')
stale.parentFile.mkdirs()
stale.text = '<testsuites/>'
return true
