// Sample parameters for one school group. The secrets come from environment variables of the shell that runs
// `az deployment group create`, so none is ever written in a file (README: Deploy to a school group).
using 'main.bicep'

param namePrefix = 'cb-sintjozef'
param botAppId = '00000000-0000-0000-0000-000000000000'
param botAppPassword = readEnvironmentVariable('COMMUNITYBOT_BOT_APP_PASSWORD')
param checkInPseudonymSecret = readEnvironmentVariable('COMMUNITYBOT_PSEUDONYM_SECRET')
param checkInPseudonymKeyVersion = 1
param postgresAdministratorPassword = readEnvironmentVariable('COMMUNITYBOT_POSTGRES_PASSWORD')
param postgresTier = 'Burstable'
param postgresSkuName = 'Standard_B2s'
param postgresHighAvailability = false
param instanceCount = 2
param enableGraph = true
