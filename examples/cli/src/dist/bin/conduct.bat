@echo off
rem conduct: the Conduct command line. Runs lib\conduct.jar on the Java in JAVA_HOME, else on the PATH
rem (Java 17 or later). JAVA_OPTS is passed to Java (e.g. -Xmx2g for large inputs).
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
"%JAVA%" -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 %JAVA_OPTS% -jar "%APP_HOME%\lib\conduct.jar" %*
exit /b %ERRORLEVEL%
