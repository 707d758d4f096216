// Each test file works in the run's temporary folder, so that whatever writes relative to the working
// directory (the default ./.guidebot-data of a server started with a hand-made env) lands there.
const runDir = process.env.GUIDEBOT_TEST_RUN_DIR;
if (runDir) process.chdir(runDir);
